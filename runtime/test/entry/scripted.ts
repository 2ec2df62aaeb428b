// A scripted pipeline for entry-point tests: the outcome is chosen by the event's
// `detail.scenario`, so every entry point can be driven through done, retry, bad input and
// a crash, and the triggers it received can be asserted exactly.

import type { Trigger } from '@escher/shared';
import type { EntryDeps } from '../../src/entry/entry-deps.js';
import { type EscherError, InputError, TransientError } from '../../src/errors.js';
import type { RunResult } from '../../src/pipeline/result.js';
import { collectingLogger } from '../notify/fixtures.js';

export interface Scripted extends EntryDeps {
  triggers: Trigger[];
  deadLetters: { raw: unknown; error: EscherError }[];
}

/** Pub/Sub push envelopes reach the pipeline whole; the scenario sits in the message data. */
export function unwrapPush(event: unknown): unknown {
  const data = (event as { message?: { data?: unknown } } | null)?.message?.data;
  if (typeof data !== 'string') return event;
  const text = Buffer.from(data, 'base64').toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function scenarioOf(trigger: Trigger): string {
  if (trigger.kind !== 'event') return 'done';
  const event = unwrapPush(trigger.event);
  if (typeof event !== 'object' || event === null) return 'bad';
  return String((event as { detail?: { scenario?: string } }).detail?.scenario ?? 'done');
}

export function scripted(): Scripted {
  const triggers: Trigger[] = [];
  const deadLetters: Scripted['deadLetters'] = [];
  return {
    triggers,
    deadLetters,
    log: collectingLogger(),
    deadLetter: async (raw, error) => {
      deadLetters.push({ raw, error });
      return `dl-${deadLetters.length}`;
    },
    handle: async (trigger): Promise<RunResult> => {
      triggers.push(trigger);
      const id = `item-${triggers.length}`;
      switch (scenarioOf(trigger)) {
        case 'retry':
          return {
            status: 'retry',
            items: [{ status: 'retry', id, error: new TransientError('S3 answered 503') }],
          };
        case 'bad':
          return {
            status: 'bad_input',
            items: [
              {
                status: 'bad_input',
                id,
                error: new InputError('trigger is not JSON'),
                deadLetterId: `${id}|accept`,
              },
            ],
          };
        case 'crash':
          throw new Error('state store unreachable');
        default:
          return { status: 'done', items: [{ status: 'done', id, duplicate: false }] };
      }
    },
  };
}

/** An EventBridge event in the shape Lambda and SQS deliver it. */
export const eventBridge = (scenario: string) => ({
  version: '0',
  id: `evt-${scenario}`,
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.s3',
  account: '123456789012',
  time: '2026-11-22T02:32:15Z',
  region: 'us-east-1',
  resources: [],
  detail: { scenario },
});
