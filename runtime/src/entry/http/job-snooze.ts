// `/jobs/snooze?token=…`: the "Skip next run" / "Delay 2 h" links of a job notification
// (signedSnoozeLinks). The token is signed with the webhook shared secret, so following the
// link is the authorisation; the verified snooze is stored where scheduled runs read it.

import { asEscherError } from '../../errors.js';
import { verifySnoozeToken } from '../../jobs/snooze.js';
import type { PushRoute } from './types.js';

/** Who stored the snooze, for its record: the link, not a logged-in user. */
const ACTOR = 'snooze-link';

export const jobSnooze: PushRoute = async (req, { deps }) => {
  const token = req.query.get('token');
  if (!token) return { status: 400, body: { error: 'missing token parameter' } };
  const key = deps.snoozes ? await deps.snoozes.key() : undefined;
  // Without the secret no link can be valid; say so rather than "invalid link".
  if (!deps.snoozes || !key) return { status: 403, body: { error: 'snooze links are not enabled here' } };
  let snooze: ReturnType<typeof verifySnoozeToken>;
  try {
    snooze = verifySnoozeToken(token, Buffer.from(key), new Date(), ACTOR);
  } catch (err) {
    const error = asEscherError(err);
    deps.log.warn('snooze link refused', { error: error.message });
    return { status: 400, body: { error: error.message } };
  }
  await deps.snoozes.add(snooze);
  deps.log.info('job snoozed by link', { job: snooze.job, run_at: snooze.run_at, kind: snooze.kind });
  return {
    status: 200,
    body: {
      status: 'snoozed',
      job: snooze.job,
      run_at: snooze.run_at,
      kind: snooze.kind,
      ...(snooze.delay_minutes !== undefined ? { delay_minutes: snooze.delay_minutes } : {}),
    },
  };
};
