// The contract every remediation catalog entry implements. Entries are the only code
// that acts on a cloud in response to an event; each one checks its preconditions
// against live state, applies one bounded change, and verifies the result.

import type { OperationTarget, RemediationId } from '@escher/shared';
import type { Logger } from '../log.js';

export interface RemediationTarget extends OperationTarget {
  /** Entry-specific, already validated parameters (e.g. ports, allowed CIDRs, new size). */
  params: Record<string, unknown>;
}

export interface PreconditionResult {
  /** False when the resource is already in the wanted state (nothing to do). */
  needed: boolean;
  reason: string;
  /** What apply() would change, in words (shown by --dry-run). */
  plan: string[];
}

export interface ApplyResult {
  changes: string[];
}

export interface VerifyResult {
  ok: boolean;
  observed: string;
}

/**
 * The verdict of a fix that closes exposures: ok when none is left, and the words for what
 * was seen, naming every exposure still there.
 */
export function noneLeft(left: readonly string[], clean: string, still: string): VerifyResult {
  return left.length === 0
    ? { ok: true, observed: clean }
    : { ok: false, observed: `${still}: ${left.join('; ')}` };
}

export interface ExecutorContext {
  target: RemediationTarget;
  log: Logger;
  /** Abort long calls when the run is out of time. */
  signal?: AbortSignal;
}

export interface CatalogExecutor<Clients = unknown> {
  id: RemediationId;
  /** What undoing this action means, for the audit record and the notification. */
  undo: string;
  check(ctx: ExecutorContext, clients: Clients): Promise<PreconditionResult>;
  apply(ctx: ExecutorContext, clients: Clients): Promise<ApplyResult>;
  verify(ctx: ExecutorContext, clients: Clients): Promise<VerifyResult>;
}
