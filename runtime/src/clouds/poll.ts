// Polling a fleet until its resources settle: every id in a wanted state or in a state it
// will not leave on its own. Bounded by a timeout; what is still moving comes back as is.

import type { LiveResource, PowerState } from '../jobs/fleet.js';

export interface PollOptions {
  pollIntervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const MOVING: readonly PowerState[] = ['pending', 'stopping', 'deallocating', 'suspending', 'unknown'];
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function pollUntilSettled(
  describe: (ids: readonly string[]) => Promise<Map<string, LiveResource>>,
  ids: readonly string[],
  wanted: readonly PowerState[],
  options: PollOptions = {},
): Promise<Map<string, LiveResource>> {
  const interval = options.pollIntervalMs ?? 2000;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const sleep = options.sleep ?? defaultSleep;
  const result = new Map<string, LiveResource>();
  let left = [...ids];
  for (;;) {
    const seen = await describe(left);
    for (const [id, live] of seen) result.set(id, live);
    left = left.filter((id) => {
      const state = result.get(id)?.state ?? 'unknown';
      return !wanted.includes(state) && MOVING.includes(state);
    });
    if (left.length === 0 || Date.now() >= deadline) return result;
    await sleep(interval);
  }
}
