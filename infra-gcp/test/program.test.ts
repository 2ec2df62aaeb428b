import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as pulumi from '@pulumi/pulumi';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { VALID } from './support/fixtures.js';
import { type Recorded, record, SERVICE_URI } from './support/mocks.js';

const resolved = (output: unknown) =>
  new Promise((resolve) => (output as pulumi.Output<unknown>).apply(resolve));

describe('the Pulumi program', () => {
  afterAll(() => vi.unstubAllEnvs());

  it('reads the config file named in stack config and pins the provider to its project and region', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'escher-gcp-')), 'escher.config.yaml');
    writeFileSync(file, stringify(VALID));
    vi.stubEnv('PULUMI_CONFIG', JSON.stringify({ 'escher:configFile': file, 'escher:maxInstances': '5' }));
    let program: Record<string, unknown> = {};
    const resources: Recorded[] = await record(async () => {
      program = await import('../src/index.js');
    });
    expect(resources.find((r) => r.type === 'pulumi:providers:gcp')?.inputs).toMatchObject({
      project: 'acme-prod-42',
      region: 'europe-west1',
    });
    expect(resources.filter((r) => r.type === 'escher:gcp:ExtendedRuntime').map((r) => r.name)).toEqual([
      'escher',
    ]);
    const service = resources.find((r) => r.name === 'escher-events-service')?.inputs;
    expect(service?.template.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 5 });
    expect(program.stateStoreUrl).toBe('gs://acme-prod-42-escher-state/state');
    expect(program.auditStoreUrl).toBe('gs://acme-prod-42-escher-audit/audit');
    expect(program.secretsUrl).toBe('gsm://acme-prod-42');
    expect(await resolved(program.alertsNotificationChannel)).toBe('escher-alerts');
    expect(await resolved(program.eventsServiceUrl)).toBe(SERVICE_URI);
  });
});
