// The morning report over a seeded AWS estate in moto: exact cost delta and drivers, idle
// and over-provisioned instances with their savings, unencrypted and unattached volumes,
// orphaned old snapshots, and the report stored once in immutable_reports.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@escher/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/report/collectors/cost-window.js';
import { generateReport } from '../../src/report/generate.js';
import { homeState } from '../support/state.js';
import {
  awsClients,
  type CloudWatchClient,
  freshAccount,
  launch,
  orphanSnapshot,
  REGION,
  reportClock,
  seedCost,
  seedCpu,
  volume,
} from './support/aws-estate.js';

const account = freshAccount();
const clock = reportClock();
const date = dayOf(clock);
const ids: Record<string, string> = {};

beforeAll(async () => {
  const clients = awsClients();
  const scope = { account, region: REGION };
  const ec2 = clients.ec2(scope);
  const cw: CloudWatchClient = clients.cloudWatch(scope);
  await seedCost(account, date);
  ids.idleDev = await launch(ec2, 't3.large', 'idle-dev', 'dev');
  ids.idleStaging = await launch(ec2, 'm5.xlarge', 'idle-staging', 'staging');
  ids.web = await launch(ec2, 'm5.2xlarge', 'vm-web-01', 'production');
  ids.busy = await launch(ec2, 't3.medium', 'busy', 'production');
  await seedCpu(cw, ids.idleDev, 2, clock);
  await seedCpu(cw, ids.idleStaging, 3, clock);
  await seedCpu(cw, ids.web, 20, clock);
  await seedCpu(cw, ids.busy, 70, clock);
  ids.volDev = await volume(ec2, 50, false, 'dev');
  ids.volProd = await volume(ec2, 100, false, 'production');
  ids.snapA = await orphanSnapshot(ec2, 40);
  ids.snapB = await orphanSnapshot(ec2, 27);
});

function deps(root: string) {
  return {
    state: homeState(root),
    scopes: [{ cloud: 'aws' as const, account, region: REGION }],
    context: { aws: awsClients(), metricCalls: { count: 0 } },
    clock: () => clock,
  };
}

const byKind = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

describe('the morning report on a seeded AWS estate', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-aws-'));

  it("reports yesterday's cost, its delta and its top drivers exactly", async () => {
    const { report, stored } = await generateReport(deps(root));
    expect(stored).toBe(true);
    expect(report.cost).toMatchObject({
      as_of: `${date}T00:00:00.000Z`,
      yesterday: 1247,
      previous_day: 1061,
      delta: 186,
      delta_percent: 17.5,
      above_threshold: true,
      month_to_date: 14308,
    });
    expect(report.cost?.top_drivers.map((d) => [d.service, d.yesterday, d.delta])).toEqual([
      ['Amazon Elastic Compute Cloud - Compute', 567, 144],
      ['Amazon Relational Database Service', 289, 25],
      ['Other', 235, 5],
      ['Amazon Simple Storage Service', 156, 12],
    ]);
    expect(report.cost?.trend.at(-1)).toEqual({
      date: dayOf(new Date(clock.getTime() - 86_400_000)),
      amount: 1247,
    });
    expect(report.cost?.trend).toHaveLength(14);
    expect(report.summary.headline).toBe(
      'Yesterday $1,247.00, +$186.00 (+17.5 %) vs previous day; 16 findings (1 critical)',
    );
  });

  it('finds the idle and over-provisioned instances with their monthly savings', async () => {
    const { report } = await generateReport(deps(root));
    expect(
      byKind(report.findings, 'idle_instance').map((f) => [f.resource_id, f.monthly_saving_usd]),
    ).toEqual(
      [
        [ids.idleDev, 60.74],
        [ids.idleStaging, 140.16],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const [rightsize] = byKind(report.findings, 'overprovisioned_instance');
    expect(rightsize).toMatchObject({
      resource_id: ids.web,
      title: 'vm-web-01 (production): m5.2xlarge → m5.xlarge',
      monthly_saving_usd: 140.16,
    });
    expect(byKind(report.findings, 'overprovisioned_instance')).toHaveLength(1);
  });

  it('finds unencrypted and unattached volumes and old snapshots whose volume is gone', async () => {
    const { report } = await generateReport(deps(root));
    const unencrypted = byKind(report.findings, 'unencrypted_volume');
    // Four 8 GB root volumes moto creates with the instances, plus the two seeded ones.
    expect(unencrypted).toHaveLength(6);
    expect(unencrypted.find((f) => f.resource_id === ids.volProd)?.severity).toBe('CRITICAL');
    expect(unencrypted.find((f) => f.resource_id === ids.volDev)?.severity).toBe('MEDIUM');
    const unattached = byKind(report.findings, 'unattached_volume');
    expect(Object.fromEntries(unattached.map((f) => [f.resource_id, f.monthly_saving_usd]))).toEqual({
      [ids.volDev as string]: 4,
      [ids.volProd as string]: 8,
    });
    const snaps = byKind(report.findings, 'old_snapshot');
    expect(Object.fromEntries(snaps.map((f) => [f.resource_id, f.monthly_saving_usd]))).toEqual({
      [ids.snapA as string]: 2,
      [ids.snapB as string]: 1.35,
    });
    expect(report.totals.potential_monthly_savings_usd).toBe(356.41);
    expect(report.totals.by_severity).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 8, INFO: 5 });
  });

  it('stores the report once: a second run for the same day returns the stored one unchanged', async () => {
    const state = deps(root).state;
    const before = await state.getRecord('immutable_reports', `report:${date}`);
    const again = await generateReport(deps(root));
    expect(again.stored).toBe(false);
    expect(await state.getRecord('immutable_reports', `report:${date}`)).toEqual(before);
    expect(await state.getRecord('alerts_events', `banner:report:${date}`)).toMatchObject({
      severity: 'CRITICAL',
      show: 'banner',
    });
  });

  it("marks findings still open, and resolved ones, in the next day's report", async () => {
    const next = new Date(clock.getTime() + 86_400_000);
    const { report } = await generateReport({ ...deps(root), clock: () => next });
    expect(report.previous_report_id).toBe(`report:${date}`);
    expect(report.findings.every((f) => f.status === 'open')).toBe(true);
    expect(report.resolved.map((f) => f.kind)).toEqual(['cost_spike']);
  });
});
