// Snoozes and overrides of a job run: "skip tonight" or "delay 2 h". Set from the CLI
// (`escher jobs snooze`) or from the link in a job notification; the scheduler and the
// runner read them before acting.

import { z } from 'zod';

export const SnoozeSchema = z.object({
  job: z.string().min(1),
  /** The scheduled instant (UTC ISO-8601) the snooze applies to. */
  run_at: z.iso.datetime(),
  kind: z.enum(['skip', 'delay']),
  /** For kind "delay": minutes after run_at at which the run happens instead. */
  delay_minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .optional(),
  created_at: z.iso.datetime(),
  created_by: z.string().min(1),
});
export type Snooze = z.infer<typeof SnoozeSchema>;
