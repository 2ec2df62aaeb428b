import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configProblems } from '@escher/shared/testing';
import { describe, expect, it } from 'vitest';
import { ExtendedRuntime } from '../src/component.js';
import { parseGcpStackConfig, readDeploymentFile } from '../src/config.js';
import { STOP_DEV_VMS, withOverrides } from './support/fixtures.js';
import { record } from './support/mocks.js';

const problemsOf = (raw: unknown, options?: unknown) =>
  configProblems(() => parseGcpStackConfig(raw, options));

describe('parseGcpStackConfig', () => {
  it('returns the project, region, image and default options', () => {
    const config = parseGcpStackConfig(withOverrides({}));
    expect([config.project, config.region, config.image]).toEqual([
      'acme-prod-42',
      'europe-west1',
      'europe-docker.pkg.dev/acme-prod-42/escher/runner:1.4.0',
    ]);
    expect(config.options).toEqual({
      cpu: '1',
      memory: '1Gi',
      maxInstances: 3,
      eventsIngress: 'INGRESS_TRAFFIC_ALL',
      lockAuditRetention: false,
    });
  });

  it('names a shared-schema field that is wrong', () => {
    const raw = withOverrides({ report: { cron: '0 2 * * *', timezone: 'Mars/Olympus' } });
    expect(problemsOf(raw)).toEqual(['report.timezone: must be an IANA time zone, e.g. "Europe/Berlin"']);
  });

  it('refuses a config whose home cloud is not GCP', () => {
    const raw = withOverrides({
      home_cloud: 'aws',
      aws: { account: '123456789012', region: 'eu-central-1' },
    });
    expect(problemsOf(raw)).toEqual([
      'home_cloud: is "aws"; the GCP stack deploys a config whose home_cloud is gcp',
    ]);
  });

  it('names a bad project id, an unsupported region, a missing image and a bad option together', () => {
    const raw = withOverrides({ gcp: { project: 'Acme_Prod', region: 'mars-north1' }, image: undefined });
    const problems = problemsOf(raw, { memory: 'lots' });
    expect(problems[0]).toBe(
      'gcp.project: "Acme_Prod" is not a project id (6-30 lowercase letters, digits, dashes)',
    );
    expect(problems[1]).toMatch(/^gcp\.region: "mars-north1" is not supported; use one of us-central1, /);
    expect(problems.slice(2)).toEqual([
      'image: name the runner image Cloud Run runs (e.g. europe-docker.pkg.dev/p/r/escher:1.0)',
      'escher:memory: must be like 512Mi or 2Gi',
    ]);
  });

  it('names a schedule Cloud Scheduler cannot run', () => {
    const job = { ...STOP_DEV_VMS, schedule: { cron: '0 20 L * *', timezone: 'UTC' } };
    expect(problemsOf(withOverrides({ jobs: [job] }))).toEqual([
      'jobs.0.schedule.cron: "L" is not unix-cron (Cloud Scheduler takes numbers, names, *, lists, ranges and steps)',
    ]);
  });

  it('fails before any resource is declared', async () => {
    let message = '';
    const recorded = await record(() => {
      try {
        new ExtendedRuntime(
          'escher',
          parseGcpStackConfig(withOverrides({ gcp: { project: 'acme-prod-42', region: 'mars-north1' } })),
        );
      } catch (error) {
        message = (error as Error).message;
      }
    });
    expect(message).toMatch(/^invalid Escher config: gcp\.region: "mars-north1" is not supported/);
    expect(recorded).toEqual([]);
  });
});

describe('readDeploymentFile', () => {
  // How a file is read and refused is specified in shared/test/stack-config.test.ts; here
  // only that this stack reads YAML, which includes JSON.
  it('reads YAML and JSON alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'escher-config-'));
    writeFileSync(join(dir, 'a.yaml'), 'home_cloud: gcp\n');
    writeFileSync(join(dir, 'a.json'), '{"home_cloud":"gcp"}');
    expect(readDeploymentFile(join(dir, 'a.yaml'))).toEqual({ home_cloud: 'gcp' });
    expect(readDeploymentFile(join(dir, 'a.json'))).toEqual({ home_cloud: 'gcp' });
  });
});
