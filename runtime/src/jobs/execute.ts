// Execution of a plan: one fleet per cloud/account/region/type, scopes in parallel, change
// calls batched up to the fleet's limit with bounded concurrency, a refused batch bisected
// until the bad id stands alone, then every acted target re-read to verify the outcome.

import type { EstateResource, JobAction } from '@escher/shared';
import { type ComputeFleet, type FleetProvider, type FleetScope, WANTED_STATES } from './fleet.js';
import { chunk, mapLimited } from './limit.js';

/** Scopes (cloud/account/region/type) worked on at once. */
const SCOPE_CONCURRENCY = 8;

export interface TargetOutcome {
  resource: EstateResource;
  ok: boolean;
  /** State observed after the action (the verification). */
  state?: string;
  error?: string;
  note?: string;
}

export function scopeOf(r: EstateResource): FleetScope {
  return { cloud: r.cloud_provider, account: r.account_id, region: r.region, resource_type: r.resource_type };
}

const scopeKey = (s: FleetScope) => `${s.cloud}|${s.account}|${s.region}|${s.resource_type}`;

export function groupByScope<T extends { resource: EstateResource }>(
  items: readonly T[],
): Map<string, { scope: FleetScope; items: T[] }> {
  const groups = new Map<string, { scope: FleetScope; items: T[] }>();
  for (const item of items) {
    const scope = scopeOf(item.resource);
    const key = scopeKey(scope);
    const group = groups.get(key) ?? { scope, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return groups;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Calls act() on a batch; when the cloud refuses it, halves it until each bad id fails alone. */
async function actBisecting(
  fleet: ComputeFleet,
  action: JobAction,
  ids: readonly string[],
  failures: Map<string, string>,
): Promise<void> {
  try {
    await fleet.act(action, ids);
  } catch (err) {
    if (ids.length === 1) {
      failures.set(ids[0] as string, message(err));
      return;
    }
    const half = Math.ceil(ids.length / 2);
    await actBisecting(fleet, action, ids.slice(0, half), failures);
    await actBisecting(fleet, action, ids.slice(half), failures);
  }
}

async function executeScope(
  fleet: ComputeFleet,
  action: JobAction,
  items: readonly { resource: EstateResource; note?: string }[],
): Promise<TargetOutcome[]> {
  const ids = items.map((i) => i.resource.resource_id);
  const failures = new Map<string, string>();
  await mapLimited(chunk(ids, fleet.maxBatch), fleet.concurrency, (batch) =>
    actBisecting(fleet, action, batch, failures),
  );
  const called = ids.filter((id) => !failures.has(id));
  const wanted = WANTED_STATES[action];
  const after = called.length > 0 ? await fleet.waitFor(called, wanted) : new Map();
  return items.map(({ resource, note }) => {
    const id = resource.resource_id;
    const failure = failures.get(id);
    if (failure !== undefined) return { resource, ok: false, error: failure, ...(note ? { note } : {}) };
    const live = after.get(id);
    const state = live?.state ?? 'unknown';
    if (wanted.includes(state)) return { resource, ok: true, state, ...(note ? { note } : {}) };
    const reason = live?.stateReason ? `: ${live.stateReason}` : '';
    return {
      resource,
      ok: false,
      state,
      error: `expected ${wanted.join(' or ')}, found ${state}${reason}`,
      ...(note ? { note } : {}),
    };
  });
}

/** Acts on every item; a scope whose fleet cannot be built or fails wholesale fails only its own targets. */
export async function executeActions(
  action: JobAction,
  items: readonly { resource: EstateResource; note?: string }[],
  fleets: FleetProvider,
): Promise<TargetOutcome[]> {
  const groups = [...groupByScope(items).values()];
  const perScope = await mapLimited(groups, SCOPE_CONCURRENCY, async ({ scope, items: scoped }) => {
    try {
      return await executeScope(await fleets(scope), action, scoped);
    } catch (err) {
      return scoped.map(({ resource, note }) => ({
        resource,
        ok: false,
        error: message(err),
        ...(note ? { note } : {}),
      }));
    }
  });
  return perScope.flat();
}
