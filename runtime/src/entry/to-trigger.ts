// Turns whatever a platform delivered into a Trigger. A body that is a Trigger is used as
// is (schedulers send those); anything else is a raw cloud event and goes to the pipeline
// verbatim, which normalises it or dead-letters it with the reason (not JSON, unknown envelope).

import { type Trigger, TriggerSchema } from '@escher/shared';
import { InputError } from '../errors.js';

const TRIGGER_KINDS = new Set(['job', 'report', 'event', 'maintenance', 'due']);

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the pipeline's normaliser names the problem and dead-letters the text.
    return undefined;
  }
}

/** Throws InputError only for something that claims to be a Trigger but is a broken one. */
export function toTrigger(input: unknown): Trigger {
  const value = typeof input === 'string' ? parseMaybeJson(input) : input;
  if (value === undefined) return { kind: 'event', event: input };
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && TRIGGER_KINDS.has(kind)) {
    const parsed = TriggerSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new InputError(`bad trigger: ${issue?.path.join('.') || kind}: ${issue?.message ?? 'invalid'}`, {
      hint: 'a trigger is {"kind":"job","job":"<name>"}, {"kind":"report"}, {"kind":"event","event":{...}}, {"kind":"maintenance"} or {"kind":"due"}',
    });
  }
  return { kind: 'event', event: value };
}
