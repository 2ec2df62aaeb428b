// Keeps an unusable trigger in the state, whole and redacted, with the step that refused
// it and the error that names the problem. Writing one never throws away the original.

import { createHash } from 'node:crypto';
import type { DeadLetter } from '@escher/shared';
import type { EscherError } from '../errors.js';
import type { PipelineDeps } from './deps.js';

export const rawText = (raw: unknown) =>
  typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));

/** Identity of an input that has no usable event id. */
export const hashOf = (raw: unknown) =>
  `sha256-${createHash('sha256').update(rawText(raw)).digest('hex').slice(0, 32)}`;

export async function deadLetter(
  deps: Pick<PipelineDeps, 'state' | 'redactor' | 'clock' | 'log'>,
  entry: { id: string; step: string; error: EscherError; raw: unknown },
): Promise<string> {
  const record: DeadLetter = {
    id: entry.id,
    at: deps.clock().toISOString(),
    step: entry.step,
    error: {
      name: entry.error.name,
      message: entry.error.message,
      ...(entry.error.hint ? { hint: entry.error.hint } : {}),
      details: entry.error.details,
    },
    retryable: entry.error.exitCode !== 2,
    raw_input: rawText(entry.raw),
  };
  const stored = deps.redactor.redactDeep(record);
  const id = `${entry.id}|${entry.step}`;
  await deps.state.deadLetter(id, stored as unknown as Record<string, unknown>);
  deps.log.error('trigger dead-lettered', {
    id,
    step: entry.step,
    error: entry.error.name,
    reason: entry.error.message,
  });
  return id;
}
