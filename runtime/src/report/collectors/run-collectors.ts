// Runs every registered collector for every configured scope of its cloud, a few at a
// time. A collector that throws, or whose cloud is not configured, becomes an
// "unavailable" status with the reason; it never sinks the others.

import type { CollectorStatus, ReportSectionName } from '@escher/shared';
import { mapLimited } from '../../jobs/limit.js';
import type { CollectContext, Collector, CollectScope } from './collector.js';
import type { Observed } from './observations.js';

export interface CollectionResult {
  observed: Observed[];
  statuses: CollectorStatus[];
}

export interface RunCollectorsOptions {
  concurrency?: number;
  sections?: readonly ReportSectionName[];
  /** Called after each collector finishes (progress on a terminal). */
  onDone?: (done: number, total: number, status: CollectorStatus) => void;
}

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { name?: string; $metadata?: { httpStatusCode?: number }; code?: unknown };
  const status = e.$metadata?.httpStatusCode ?? (e as { statusCode?: number }).statusCode;
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}${status ? ` (HTTP ${status})` : ''}`;
}

export async function runCollectors(
  collectors: readonly Collector[],
  scopes: readonly CollectScope[],
  ctx: CollectContext,
  options: RunCollectorsOptions = {},
): Promise<CollectionResult> {
  const wanted = collectors.filter((c) => !options.sections || options.sections.includes(c.section));
  const jobs: { collector: Collector; scope?: CollectScope }[] = [];
  for (const collector of wanted) {
    const mine = scopes.filter((s) => s.cloud === collector.cloud);
    if (mine.length === 0) jobs.push({ collector });
    for (const scope of mine) jobs.push({ collector, scope });
  }
  let done = 0;
  const results = await mapLimited(jobs, options.concurrency ?? 6, async ({ collector, scope }) => {
    const base = { collector: collector.name, section: collector.section, cloud: collector.cloud };
    let outcome: { status: CollectorStatus; observed?: Observed };
    if (!scope) {
      outcome = {
        status: {
          ...base,
          account: '',
          status: 'unavailable',
          reason: `${collector.cloud} is not configured`,
        },
      };
    } else {
      try {
        const observation = await collector.collect(scope, ctx);
        outcome = {
          status: { ...base, account: scope.account, status: 'ok' },
          observed: { ...observation, cloud: scope.cloud, account: scope.account } as Observed,
        };
      } catch (err) {
        outcome = {
          status: { ...base, account: scope.account, status: 'unavailable', reason: reasonOf(err) },
        };
      }
    }
    options.onDone?.(++done, jobs.length, outcome.status);
    return outcome;
  });
  return {
    observed: results.flatMap((r) => (r.observed ? [r.observed] : [])),
    statuses: results.map((r) => r.status),
  };
}
