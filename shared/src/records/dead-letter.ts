// A trigger the runner could not process, kept whole in the state so nothing is dropped:
// the raw input, the step that refused it and the error naming what was wrong.

import { z } from 'zod';

export const DeadLetterSchema = z.strictObject({
  /** The event id when one could be read, otherwise a hash of the raw input. */
  id: z.string().min(1),
  at: z.iso.datetime(),
  step: z.string().min(1),
  error: z.strictObject({
    name: z.string().min(1),
    message: z.string().min(1),
    hint: z.string().optional(),
    details: z.record(z.string(), z.unknown()).default({}),
  }),
  /** True when the platform should retry; false when the input itself is unusable. */
  retryable: z.boolean(),
  /** The trigger as received (redacted), verbatim text when it was not JSON. */
  raw_input: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
