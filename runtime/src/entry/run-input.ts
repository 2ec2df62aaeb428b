// The one core every entry point calls: input → trigger → pipeline → RunResult. It never
// throws: a broken trigger is dead-lettered and reported as bad_input, and a failure
// outside the pipeline's own handling becomes a retry so the platform delivers it again.

import { asEscherError, EscherError } from '../errors.js';
import { hashOf } from '../pipeline/dead-letter.js';
import type { RunResult } from '../pipeline/result.js';
import type { EntryDeps } from './entry-deps.js';
import { toTrigger } from './to-trigger.js';

export async function runInput(raw: unknown, deps: EntryDeps): Promise<RunResult> {
  const id = hashOf(raw);
  let trigger: ReturnType<typeof toTrigger>;
  try {
    trigger = toTrigger(raw);
  } catch (err) {
    const error = asEscherError(err);
    try {
      const deadLetterId = await deps.deadLetter(raw, error);
      return { status: 'bad_input', items: [{ status: 'bad_input', id, error, deadLetterId }] };
    } catch (cause) {
      // Without a dead-letter the input would be lost: let the platform keep and retry it.
      const failure = new EscherError(
        `could not dead-letter a bad trigger: ${asEscherError(cause).message}`,
        { cause },
      );
      return { status: 'retry', items: [{ status: 'retry', id, error: failure }] };
    }
  }
  try {
    return await deps.handle(trigger);
  } catch (err) {
    const error = asEscherError(err);
    deps.log.error('pipeline failed', { id, error });
    return { status: 'retry', items: [{ status: 'retry', id, error }] };
  }
}

/** One line per item for logs and HTTP answers; errors by message and hint, never stacks. */
export function summarize(result: RunResult): {
  status: RunResult['status'];
  items: Record<string, unknown>[];
} {
  return {
    status: result.status,
    items: result.items.map((item) =>
      item.status === 'done'
        ? { id: item.id, status: item.status, duplicate: item.duplicate }
        : {
            id: item.id,
            status: item.status,
            error: item.error.toUserMessage(),
            ...(item.status === 'bad_input' ? { dead_letter: item.deadLetterId } : {}),
          },
    ),
  };
}
