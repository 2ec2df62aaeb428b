// The small interface every cloud's compute adapter implements (EC2, RDS, Azure VMs, GCE).
// Jobs use it for scheduled stop/start; remediations reuse it for "stop instance". One
// fleet serves one scope: cloud, account, region and resource type.

import type { CloudProvider, JobAction } from '@escher/shared';

/** Normalised power state across clouds; 'missing' means the API no longer knows the id. */
export type PowerState =
  | 'running'
  | 'pending'
  | 'stopping'
  | 'stopped'
  | 'deallocating'
  | 'deallocated'
  | 'suspending'
  | 'suspended'
  | 'terminated'
  | 'missing'
  | 'unknown';

export interface LiveResource {
  id: string;
  state: PowerState;
  tags: Record<string, string>;
  /** Why the cloud put it in this state (e.g. "Client.InternalError: KMS key is disabled"). */
  stateReason?: string;
}

export interface FleetScope {
  cloud: CloudProvider;
  account: string;
  region: string;
  resource_type: string;
}

export interface ComputeFleet {
  /** Most ids one change call takes (EC2: many; RDS, Azure, GCE: one). */
  readonly maxBatch: number;
  /** Change calls this fleet may have in flight at once. */
  readonly concurrency: number;
  /** Live state and tags of each id; ids the cloud does not know come back as 'missing'. */
  describe(ids: readonly string[]): Promise<Map<string, LiveResource>>;
  /** One change call for a batch; throws when the cloud refuses it (the caller isolates bad ids). */
  act(action: JobAction, ids: readonly string[]): Promise<void>;
  /** Polls until every id is in one of `wanted` or in a settled state, bounded by the fleet's own timeout. */
  waitFor(ids: readonly string[], wanted: readonly PowerState[]): Promise<Map<string, LiveResource>>;
}

/** The fleet for a scope; cloud adapters may load their SDK first, so it may be a promise. */
export type FleetProvider = (scope: FleetScope) => ComputeFleet | Promise<ComputeFleet>;

export const WANTED_STATES: Record<JobAction, readonly PowerState[]> = {
  // Azure "stop" deallocates; GCE and AWS "hibernate" settle as suspended/stopped.
  stop: ['stopped', 'deallocated'],
  deallocate: ['deallocated'],
  hibernate: ['stopped', 'suspended', 'deallocated'],
  start: ['running'],
};

/** States from which no further call is needed: the wanted states and their way there. */
export const ALREADY_THERE: Record<JobAction, readonly PowerState[]> = {
  stop: ['stopped', 'stopping', 'deallocated', 'deallocating', 'suspended', 'suspending'],
  deallocate: ['deallocated', 'deallocating'],
  hibernate: ['stopped', 'stopping', 'suspended', 'suspending', 'deallocated', 'deallocating'],
  start: ['running', 'pending'],
};
