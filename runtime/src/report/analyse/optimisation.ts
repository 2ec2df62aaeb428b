// Idle and over-provisioned instances, unattached volumes and old snapshots whose source
// volume is gone, each with the monthly saving from the price table.

import type { ReportThresholds } from '@escher/shared';
import type { InstanceFact, Observed } from '../collectors/observations.js';
import { type FindingDraft, findingId, fixFor, round2 } from './draft.js';
import { monthlyPrice, smallerSize, storageMonthly } from './prices.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean of the last `days` daily averages, or undefined without a full window of data. */
export function windowMean(cpu: number[], days: number): number | undefined {
  return cpu.length < days ? undefined : mean(cpu.slice(-days));
}

function instanceFindings(o: Observed<'optimisation'>, i: InstanceFact, t: ReportThresholds): FindingDraft[] {
  if (i.state !== 'running') return [];
  const base = {
    cloud: o.cloud,
    account: o.account,
    region: i.region,
    resource_id: i.id,
    resource_name: i.name,
  };
  const env = i.environment ? ` (${i.environment})` : '';
  const idleMean = windowMean(i.cpu_daily, t.idle_days);
  const price = monthlyPrice(i.size);
  if (idleMean !== undefined && idleMean < t.idle_cpu_percent) {
    return [
      {
        ...base,
        id: findingId('idle_instance', o.cloud, o.account, i.id),
        kind: 'idle_instance',
        section: 'optimisation',
        severity: 'MEDIUM',
        title: `${i.name}${env} idle: CPU ${idleMean.toFixed(1)} % over ${t.idle_days} days`,
        detail: `${i.size}; average CPU below ${t.idle_cpu_percent} % for ${t.idle_days} days`,
        ...(price !== undefined ? { monthly_saving_usd: price } : {}),
        fix: fixFor('stop', o.cloud, 'Stop instance'),
        questions: [`What is ${i.name} used for?`, `Is it safe to stop ${i.name}?`],
      },
    ];
  }
  const longMean = windowMean(i.cpu_daily, t.rightsize_days);
  const smaller = smallerSize(i.size);
  const smallerPrice = smaller ? monthlyPrice(smaller) : undefined;
  if (longMean === undefined || longMean >= t.rightsize_cpu_percent || !smaller || price === undefined)
    return [];
  return [
    {
      ...base,
      id: findingId('overprovisioned_instance', o.cloud, o.account, i.id),
      kind: 'overprovisioned_instance',
      section: 'optimisation',
      severity: 'INFO',
      title: `${i.name}${env}: ${i.size} → ${smaller}`,
      detail: `average CPU ${longMean.toFixed(1)} % over ${t.rightsize_days} days (below ${t.rightsize_cpu_percent} %)`,
      monthly_saving_usd: round2(price - (smallerPrice ?? 0)),
      questions: [`Will downsizing ${i.name} impact performance?`],
    },
  ];
}

export function optimisationFindings(
  o: Observed<'optimisation'>,
  t: ReportThresholds,
  now: Date,
): FindingDraft[] {
  const out = o.instances.flatMap((i) => instanceFindings(o, i, t));
  for (const v of o.volumes.filter((x) => !x.attached)) {
    out.push({
      id: findingId('unattached_volume', o.cloud, o.account, v.id),
      kind: 'unattached_volume',
      section: 'optimisation',
      severity: 'INFO',
      cloud: o.cloud,
      account: o.account,
      region: v.region,
      resource_id: v.id,
      resource_name: v.name,
      title: `Unattached volume ${v.name} (${v.size_gb} GB)`,
      detail: `${v.volume_type} volume attached to nothing`,
      monthly_saving_usd: storageMonthly(v.volume_type, v.size_gb),
      questions: [`Is anything still using ${v.name}?`],
    });
  }
  const existing = new Set(o.volume_ids);
  const cutoff = now.getTime() - t.old_snapshot_days * 86_400_000;
  for (const s of o.snapshots) {
    if (Date.parse(s.created_at) >= cutoff || (s.source_volume && existing.has(s.source_volume))) continue;
    out.push({
      id: findingId('old_snapshot', o.cloud, o.account, s.id),
      kind: 'old_snapshot',
      section: 'optimisation',
      severity: 'INFO',
      cloud: o.cloud,
      account: o.account,
      region: s.region,
      resource_id: s.id,
      resource_name: s.id,
      title: `Snapshot ${s.id} (${s.size_gb} GB) older than ${t.old_snapshot_days} days`,
      detail: `taken ${s.created_at.slice(0, 10)}; source volume ${s.source_volume ?? '(unknown)'} is gone`,
      monthly_saving_usd: storageMonthly('snapshot', s.size_gb),
      questions: ['Are these snapshots safe to delete?'],
    });
  }
  return out;
}
