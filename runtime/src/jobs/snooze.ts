// Snoozes: which one applies to a scheduled run, when the run happens instead, and the
// signed token a notification link carries so "Skip tonight" works without logging in.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Snooze, SnoozeSchema } from '@escher/shared';
import { InputError } from '../errors.js';

export function snoozeFor(snoozes: readonly Snooze[], job: string, runAt: Date): Snooze | undefined {
  const at = runAt.toISOString();
  // The latest word counts: "delay 2 h" after "skip" means the run happens, later.
  return snoozes.filter((s) => s.job === job && new Date(s.run_at).toISOString() === at).at(-1);
}

/** When the run happens: undefined for skipped, run_at + delay for delayed, else run_at. */
export function effectiveRunTime(snooze: Snooze | undefined, runAt: Date): Date | undefined {
  if (!snooze) return runAt;
  if (snooze.kind === 'skip') return undefined;
  return new Date(runAt.getTime() + (snooze.delay_minutes ?? 0) * 60_000);
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** "<base64url JSON>.<HMAC-SHA256>", keyed with the webhook shared secret. */
export function signSnoozeToken(snooze: Omit<Snooze, 'created_at' | 'created_by'>, key: Buffer): string {
  const body = b64(JSON.stringify(snooze));
  return `${body}.${sign(key, body)}`;
}

export function verifySnoozeToken(token: string, key: Buffer, now: Date, actor: string): Snooze {
  const [body, mac] = token.split('.');
  const expected = body ? sign(key, body) : '';
  if (
    !body ||
    !mac ||
    mac.length !== expected.length ||
    !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
  ) {
    throw new InputError('snooze link is not valid', {
      hint: 'use the link from the latest notification or `escher jobs snooze`',
    });
  }
  const parsed = SnoozeSchema.safeParse({
    ...JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    created_at: now.toISOString(),
    created_by: actor,
  });
  if (!parsed.success)
    throw new InputError('snooze link carries an unusable snooze', { cause: parsed.error });
  if (new Date(parsed.data.run_at).getTime() < now.getTime()) {
    throw new InputError(`snooze link is for the run at ${parsed.data.run_at}, which has passed`);
  }
  return parsed.data;
}
