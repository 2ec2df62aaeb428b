import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { SUBSCRIPTION, VALID } from './support/fixtures.js';
import { type Recorded, record } from './support/mocks.js';

const resolved = (output: unknown) =>
  new Promise((resolve) => (output as pulumi.Output<unknown>).apply(resolve));

describe('the Pulumi program', () => {
  afterAll(() => vi.unstubAllEnvs());

  it('reads the config file named in stack config and pins the provider to its subscription', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'escher-azure-')), 'escher.config.yaml');
    writeFileSync(file, stringify(VALID));
    vi.stubEnv('PULUMI_CONFIG', JSON.stringify({ 'escher:configFile': file, 'escher:memoryGb': '4' }));
    let program: Record<string, unknown> = {};
    const resources: Recorded[] = await record(async () => {
      program = await import('../src/index.js');
    });
    expect(resources.find((r) => r.type === 'pulumi:providers:azure-native')?.inputs).toMatchObject({
      subscriptionId: SUBSCRIPTION,
      location: 'westeurope',
    });
    expect(resources.filter((r) => r.type === 'escher:azure:ExtendedRuntime').map((r) => r.name)).toEqual([
      'escher',
    ]);
    const body = resources.find((r) => r.name === 'escher-report')?.inputs.definition.actions.Start_runner
      .inputs.body;
    expect(body.properties.containers[0].properties.resources).toEqual({
      requests: { cpu: 1, memoryInGB: 4 },
    });
    expect(program.stateStoreUrl).toBe('az://escherstad5d146f/state/state');
    expect(program.auditStoreUrl).toBe('az://escherstad5d146f/audit/audit');
    expect(program.secretsUrl).toBe('keyvault://escher-kv-ad5d146');
    expect(await resolved(program.alertsActionGroupId)).toBe('/mock/escher-alerts');
    expect(await pulumi.isSecret(program.eventWebhookUrl as pulumi.Output<string>)).toBe(true);
  });
});
