import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configProblems } from '@escher/shared/testing';
import { describe, expect, it } from 'vitest';
import { ExtendedRuntime } from '../src/component.js';
import { parseAzureStackConfig, readDeploymentFile } from '../src/config.js';
import { STOP_DEV_VMS, SUBSCRIPTION, withOverrides } from './support/fixtures.js';
import { record } from './support/mocks.js';

const problemsOf = (raw: unknown, options?: unknown) =>
  configProblems(() => parseAzureStackConfig(raw, options));

describe('parseAzureStackConfig', () => {
  it('derives the resource group, options and one scheduled run per job plus the report and the due tick', () => {
    const config = parseAzureStackConfig(
      withOverrides({ azure: { subscription_id: SUBSCRIPTION, location: 'westeurope' } }),
    );
    expect(config.resourceGroup).toBe('escher-rg');
    expect(config.options).toEqual({ keyVaultPublicNetworkAccess: 'Enabled', cpu: 1, memoryGb: 2 });
    expect(config.schedules.map((s) => [s.label, s.trigger, s.recurrence.timeZone])).toEqual([
      [
        'job:stop-dev-vms',
        '{"kind":"job","job":"stop-dev-vms","scheduled_for":"@{trigger().scheduledTime}"}',
        'W. Europe Standard Time',
      ],
      ['report', '{"kind":"report"}', 'Eastern Standard Time'],
      ['due', '{"kind":"due"}', 'UTC'],
    ]);
  });

  it('ticks every 15 minutes with the due trigger for snooze-delayed job runs, only when there are jobs', () => {
    const config = parseAzureStackConfig(
      withOverrides({ azure: { subscription_id: SUBSCRIPTION, location: 'westeurope' } }),
    );
    expect(config.schedules.find((s) => s.label === 'due')?.recurrence).toEqual({
      frequency: 'Day',
      interval: 1,
      startTime: '2024-01-01T00:00:00',
      timeZone: 'UTC',
      schedule: { minutes: [0, 15, 30, 45], hours: Array.from({ length: 24 }, (_, h) => h) },
    });
    const noJobs = parseAzureStackConfig(
      withOverrides({ azure: { subscription_id: SUBSCRIPTION, location: 'westeurope' }, jobs: [] }),
    );
    expect(noJobs.schedules.map((s) => s.label)).toEqual(['report']);
  });

  it('names a shared-schema field that is wrong', () => {
    expect(problemsOf(withOverrides({ azure: { subscription_id: 'nope', location: 'westeurope' } }))).toEqual(
      ['azure.subscription_id: Invalid UUID'],
    );
  });

  it('refuses a config whose home cloud is not Azure', () => {
    const raw = withOverrides({ home_cloud: 'gcp', gcp: { project: 'acme-prod', region: 'europe-west1' } });
    expect(problemsOf(raw)).toEqual([
      'home_cloud: is "gcp"; the Azure stack deploys a config whose home_cloud is azure',
    ]);
  });

  it('names an unsupported location, a missing image and a bad option together', () => {
    const raw = withOverrides({
      azure: { subscription_id: SUBSCRIPTION, location: 'marsnorth' },
      image: undefined,
    });
    const problems = problemsOf(raw, { cpu: -1 });
    expect(problems[0]).toMatch(/^azure\.location: "marsnorth" is not supported; use one of eastus, /);
    expect(problems.slice(1)).toEqual([
      'image: name the runner image the container groups run (e.g. ghcr.io/org/escher:1.0)',
      'escher:cpu: Too small: expected number to be >0',
    ]);
  });

  it('names the schedule field a Logic App cannot express', () => {
    const job = { ...STOP_DEV_VMS, schedule: { cron: '0 20 * 6 *', timezone: 'Asia/Kathmandu' } };
    const problems = problemsOf(
      withOverrides({ jobs: [job], report: { cron: '0 2 1 * 1', timezone: 'UTC' } }),
    );
    expect(problems).toEqual([
      'jobs.0.schedule.timezone: "Asia/Kathmandu" has no Logic Apps (Windows) time-zone mapping here; use a listed zone such as Europe/Berlin, America/New_York or UTC',
      'report.cron: cron "0 2 1 * 1" cannot become a Logic Apps recurrence: day-of-month and day-of-week together mean "either" in cron',
    ]);
  });

  it('fails before any resource is declared', async () => {
    const raw = withOverrides({ azure: { subscription_id: SUBSCRIPTION, location: 'marsnorth' } });
    let message = '';
    const recorded = await record(() => {
      try {
        new ExtendedRuntime('escher', parseAzureStackConfig(raw));
      } catch (error) {
        message = (error as Error).message;
      }
    });
    expect(message).toMatch(/^invalid Escher config: azure\.location: "marsnorth" is not supported/);
    expect(recorded).toEqual([]);
  });
});

describe('readDeploymentFile', () => {
  // How a file is read and refused is specified in shared/test/stack-config.test.ts; here
  // only that this stack reads YAML, which includes JSON.
  it('reads YAML and JSON alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'escher-config-'));
    writeFileSync(join(dir, 'a.yaml'), 'home_cloud: azure\n');
    writeFileSync(join(dir, 'a.json'), '{"home_cloud":"azure"}');
    expect(readDeploymentFile(join(dir, 'a.yaml'))).toEqual({ home_cloud: 'azure' });
    expect(readDeploymentFile(join(dir, 'a.json'))).toEqual({ home_cloud: 'azure' });
  });
});
