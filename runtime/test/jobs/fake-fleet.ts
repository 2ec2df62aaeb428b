// An in-memory ComputeFleet for the pure execution tests: records every change call and
// refuses any batch containing a "bad" id, as EC2 refuses a whole StopInstances call.

import type { JobAction } from '@escher/shared';
import type { ComputeFleet, LiveResource, PowerState } from '../../src/jobs/fleet.js';

export class FakeFleet implements ComputeFleet {
  readonly calls: string[][] = [];
  readonly states = new Map<string, LiveResource>();

  constructor(
    readonly maxBatch: number,
    readonly bad: ReadonlySet<string> = new Set(),
    readonly concurrency = 2,
  ) {}

  add(id: string, state: PowerState, tags: Record<string, string> = { env: 'dev' }): void {
    this.states.set(id, { id, state, tags });
  }

  async describe(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    return new Map(ids.map((id) => [id, this.states.get(id) ?? { id, state: 'missing', tags: {} }]));
  }

  async act(action: JobAction, ids: readonly string[]): Promise<void> {
    this.calls.push([...ids]);
    const bad = ids.find((id) => this.bad.has(id));
    if (bad) throw new Error(`InvalidInstanceID.Malformed: ${bad}`);
    for (const id of ids) {
      const live = this.states.get(id);
      if (live) live.state = action === 'start' ? 'running' : 'stopped';
    }
  }

  async waitFor(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    return this.describe(ids);
  }
}
