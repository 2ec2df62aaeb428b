// Step 1, accept: turn the raw trigger into UnifiedEvents (one envelope may carry many)
// and name every part that could not become one. Pure apart from the clock.

import type { UnifiedEvent } from '@escher/shared';
import { type EscherError, InputError } from '../errors.js';
import { normalize, normalizeText } from '../normalize/index.js';
import { hashOf } from './dead-letter.js';

export interface Accepted {
  events: UnifiedEvent[];
  /** Parts of the input that were refused, each with an identity for its dead-letter. */
  rejected: { id: string; error: EscherError }[];
}

/** No normaliser recognised the event: only the fallback's inference stands behind it. */
export const isUnknownEnvelope = (e: UnifiedEvent) =>
  e.event_type === 'unclassified' && e.resource.metadata.normaliser === 'unclassified';

export function acceptInput(raw: unknown, now: () => Date): Accepted {
  const result = typeof raw === 'string' ? normalizeText(raw, { now }) : normalize(raw, { now });
  const base = hashOf(raw);
  // The runner acts on events it understands; an unknown envelope is kept, not guessed at.
  // A known source's `unclassified` event (a failed or read-only call, NOT_APPLICABLE,
  // an operation's completion) is well-formed and simply needs no action: it goes on.
  const unknown = result.events.filter(isUnknownEnvelope);
  const errors: EscherError[] = [
    ...result.errors,
    ...unknown.map(
      (e) =>
        new InputError(
          `unknown envelope: no normaliser recognises this ${e.cloud_provider} event (${e.resource.metadata.native_type ?? 'no type'})`,
          {
            hint: 'the event is kept whole in the dead-letter; check the event route or add a normaliser',
            details: { event_id: e.event_id },
          },
        ),
    ),
  ];
  return {
    events: result.events.filter((e) => !isUnknownEnvelope(e)),
    rejected: errors.map((error, i) => ({ id: errors.length > 1 ? `${base}-${i}` : base, error })),
  };
}
