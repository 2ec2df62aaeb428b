// Compute Engine instances behind the ComputeFleet interface. Ids are instance paths
// ("projects/p/zones/z/instances/name" or a full self link). stop/start/suspend return
// zone operations, polled to DONE with zoneOperations.wait; an operation that ends with
// an error fails its target. Every call retries 429/5xx with backoff and jitter.

import type { JobAction } from '@escher/shared';
import type { InstancesClient, ZoneOperationsClient } from '@google-cloud/compute';
import type { ComputeFleet, LiveResource, PowerState } from '../../jobs/fleet.js';
import { type PollOptions, pollUntilSettled } from '../poll.js';
import { type RetryOptions, withRetry } from '../retry.js';

const STATES: Record<string, PowerState> = {
  PROVISIONING: 'pending',
  STAGING: 'pending',
  RUNNING: 'running',
  REPAIRING: 'pending',
  STOPPING: 'stopping',
  // GCE calls a stopped instance TERMINATED; it can be started again.
  TERMINATED: 'stopped',
  STOPPED: 'stopped',
  SUSPENDING: 'suspending',
  SUSPENDED: 'suspended',
};

export function parseInstancePath(id: string): { project: string; zone: string; instance: string } {
  const m = /projects\/([^/]+)\/zones\/([^/]+)\/instances\/([^/]+)$/.exec(id);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`not a Compute Engine instance path: ${id}`);
  return { project: m[1], zone: m[2], instance: m[3] };
}

/** Most polls of one operation: zoneOperations.wait returns after at most ~2 minutes each. */
const MAX_WAITS = 30;

export class GceFleet implements ComputeFleet {
  readonly maxBatch = 1;
  readonly concurrency: number;

  constructor(
    private readonly instances: InstancesClient,
    private readonly operations: ZoneOperationsClient,
    private readonly options: PollOptions & { concurrency?: number; retry?: RetryOptions } = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
  }

  async describe(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    const found = new Map<string, LiveResource>(ids.map((id) => [id, { id, state: 'missing', tags: {} }]));
    const byPath = new Map(ids.map((id) => [this.key(parseInstancePath(id)), id]));
    const projects = new Set(ids.map((id) => parseInstancePath(id).project));
    for (const project of projects) {
      const pages = await this.retry(() => this.listAll(project));
      for (const [scope, list] of pages) {
        const zone = scope.replace(/^zones\//, '');
        for (const instance of list.instances ?? []) {
          const id = byPath.get(this.key({ project, zone, instance: instance.name ?? '' }));
          if (!id) continue;
          found.set(id, {
            id,
            state: STATES[instance.status ?? ''] ?? 'unknown',
            tags: { ...(instance.labels ?? {}) },
            ...(instance.statusMessage ? { stateReason: instance.statusMessage } : {}),
          });
        }
      }
    }
    return found;
  }

  private retry<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, this.options.retry);
  }

  private async listAll(project: string) {
    const scopes: [
      string,
      {
        instances?:
          | {
              name?: string | null;
              status?: string | null;
              labels?: Record<string, string> | null;
              statusMessage?: string | null;
            }[]
          | null;
      },
    ][] = [];
    for await (const entry of this.instances.aggregatedListAsync(
      { project, maxResults: 500 },
      { autoPaginate: false },
    ))
      scopes.push(entry);
    return scopes;
  }

  private key(p: { project: string; zone: string; instance: string }): string {
    return `${p.project}/${p.zone}/${p.instance}`;
  }

  async act(action: JobAction, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const target = parseInstancePath(id);
      const [operation] = await this.retry(() =>
        action === 'start'
          ? this.instances.start(target)
          : action === 'hibernate'
            ? this.instances.suspend(target)
            : this.instances.stop(target),
      );
      // The library's LRO wrapper carries the numeric id as `name`; the Operation resource has the real name.
      const name = (operation.latestResponse as { name?: string } | undefined)?.name;
      if (!name) throw new Error(`${action} ${id}: the API returned no operation`);
      await this.waitOperation(target.project, target.zone, String(name));
    }
  }

  private async waitOperation(project: string, zone: string, operation: string): Promise<void> {
    for (let i = 0; i < MAX_WAITS; i++) {
      const [op] = await this.retry(() => this.operations.wait({ project, zone, operation }));
      if (op.status === 'DONE') {
        const errors = op.error?.errors ?? [];
        if (errors.length > 0) throw new Error(errors.map((e) => `${e.code}: ${e.message}`).join('; '));
        return;
      }
    }
    throw new Error(`operation ${operation} in ${zone} did not finish`);
  }

  waitFor(ids: readonly string[], wanted: readonly PowerState[]): Promise<Map<string, LiveResource>> {
    return pollUntilSettled((left) => this.describe(left), ids, wanted, this.options);
  }
}
