// Which records are past retention: the deployment config's `retention` (defaults 90 days
// for reports, one year for audit and executed operations) turned into one cutoff per
// append-only collection, and the expiry run over all of them.

import {
  type AppendOnlyCollection,
  type ExtensionConfig,
  RETENTION_TIME_FIELDS,
  RetentionSchema,
} from '@escher/shared';
import { type ExpireOptions, type ExpiryResult, expireRecords } from './expire.js';
import type { Snapshot } from './snapshot.js';

export type Retention = ExtensionConfig['retention'];

const DAY_MS = 86_400_000;

export const DEFAULT_RETENTION: Retention = RetentionSchema.parse({});

/** Which retention setting governs each append-only collection. */
const RETENTION_DAYS: Record<AppendOnlyCollection, keyof Retention> = {
  immutable_reports: 'cost_days',
  audit: 'audit_days',
  executed_operations: 'audit_days',
};

export interface RetentionCutoff {
  collection: AppendOnlyCollection;
  days: number;
  olderThan: Date;
  reason: string;
}

/** Pure: one cutoff per append-only collection, `days` whole days before `now`. */
export function retentionCutoffs(retention: Retention, now: Date): RetentionCutoff[] {
  return (Object.keys(RETENTION_TIME_FIELDS) as AppendOnlyCollection[]).map((collection) => {
    const setting = RETENTION_DAYS[collection];
    const days = retention[setting];
    return {
      collection,
      days,
      olderThan: new Date(now.getTime() - days * DAY_MS),
      reason: `retention.${setting} = ${days} days`,
    };
  });
}

/** Expires every append-only collection by its cutoff, one after another. */
export async function expireByRetention(
  snap: Snapshot,
  retention: Retention = DEFAULT_RETENTION,
  options: Pick<ExpireOptions, 'dryRun'> = {},
): Promise<ExpiryResult[]> {
  const results: ExpiryResult[] = [];
  for (const cut of retentionCutoffs(retention, snap.now())) {
    results.push(
      await expireRecords(snap, cut.collection, cut.olderThan, { ...options, reason: cut.reason }),
    );
  }
  return results;
}
