// Azure end to end through the real `escher run --event -`: the Event Grid or activity-log
// event arrives on stdin, the runner gets ARM tokens from its managed identity, fixes the
// storage account or NSG on the ARM contract server (containers in Azurite), verifies,
// records the operation and its audit record, and prints the timeline.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { EstateResourceSchema, estateRecordId, parseExtensionConfig } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import type { RunnerState } from '../../src/pipeline/state.js';
import { buildRunnerDeps } from '../../src/runner/deps.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { azureManagedIdentity, managedIdentityEnv } from '../contract/azure-identity.js';
import { addNsg, nsgId } from '../contract/azure-network.js';
import { addStorageAccount, storageAccountId } from '../contract/azure-storage.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { type AzureWorld, startAzureWorld } from '../remediation/azure/setup.js';
import { emulator } from '../support/emulators.js';
import { nsgRuleWritten, storageAccountWritten } from './support/azure-events.js';
import { runCli } from './support/spawn-cli.js';
import { REMEDIATED_TIMELINE } from './support/timeline.js';

/** The runner's home subscription (the config wants a real UUID). */
const SUB = '5e0f1c2a-7b3d-4e8f-9a01-b2c3d4e5f607';
const CONFIG = {
  home_cloud: 'azure',
  azure: { subscription_id: SUB, location: 'westeurope' },
  remediations: ['azure.storage.disallow_public_access', 'azure.network.remove_public_admin_rule'],
};
const suffix = Date.now().toString(36);

let world: AzureWorld;
let identityServer: ContractServer;
const identity = azureManagedIdentity();
let caFile: string;

beforeAll(async () => {
  world = await startAzureWorld();
  // Plain HTTP on loopback, as App Service serves its identity endpoint to the workload.
  identityServer = await startContractServer({ routes: identity.routes });
  caFile = join(mkdtempSync(join(tmpdir(), 'escher-azure-e2e-ca-')), 'arm-ca.pem');
  writeFileSync(caFile, world.server.ca ?? '');
});
afterAll(async () => {
  await world?.server.close();
  await identityServer?.close();
});

const blobs = () =>
  BlobServiceClient.fromConnectionString(emulator('azurite').env.AZURE_STORAGE_CONNECTION_STRING as string);

/** A runner process's environment on an Azure host: its state, config, identity and endpoints. */
function runnerEnv(dir: string): Record<string, string> {
  return {
    ESCHER_HOME: dir,
    ESCHER_STORE: `file://${join(dir, 'state')}`,
    ESCHER_CONFIG: JSON.stringify(CONFIG),
    ESCHER_LOG_LEVEL: 'warn',
    ESCHER_AZURE_ARM_ENDPOINT: world.server.url,
    AZURE_STORAGE_CONNECTION_STRING: emulator('azurite').env.AZURE_STORAGE_CONNECTION_STRING as string,
    // The ARM contract server's self-signed certificate, trusted the way a proxy CA would be.
    NODE_EXTRA_CA_CERTS: caFile,
    ...managedIdentityEnv(identityServer.url, identity),
  };
}

/** The state the runner opens for this environment, through the RunnerState interface. */
async function runnerState(env: Record<string, string>): Promise<RunnerState> {
  const redactor = new Redactor();
  const deps = await buildRunnerDeps({
    env: loadRuntimeEnv(env),
    config: parseExtensionConfig(CONFIG),
    log: createLogger({ level: 'error', redactor, sink: () => {} }),
    redactor,
  });
  return deps.state;
}

const newRunnerEnv = () => runnerEnv(mkdtempSync(join(tmpdir(), 'escher-azure-e2e-')));

describe('escher run on Azure (ARM contract server, Azurite, managed identity)', () => {
  it('disallows public access on a storage account made public and sets its public container private', async () => {
    const container = `pii-exports-${suffix}`;
    const account = addStorageAccount(world.storage, {
      subscription: SUB,
      resourceGroup: 'data-rg',
      name: 'custdata',
      location: 'westeurope',
      allowBlobPublicAccess: true,
    });
    await blobs().getContainerClient(container).create({ access: 'container' });
    const env = newRunnerEnv();
    const state = await runnerState(env);
    // The laptop's estate record, as the Azure list APIs spell the id (Azure ids ignore case);
    // the event names no location, so the runner finds it by id within the subscription.
    const resource = EstateResourceSchema.parse({
      cloud_provider: 'azure',
      resource_type: 'object_storage',
      account_id: SUB,
      region: 'westeurope',
      resource_id: storageAccountId(account).replace('/resourceGroups/data-rg/', '/resourcegroups/DATA-RG/'),
      name: 'custdata',
      tags: { data_classification: 'PII', environment: 'production', owner: 'maria@acme.example' },
    });
    await state.putRecord('cloud_estate', estateRecordId(resource), resource);
    const event = storageAccountWritten(storageAccountId(account), SUB, `e2e-storage-${suffix}`);

    const run = await runCli(['run', '--event', '-'], env, JSON.stringify(event));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(account.allowBlobPublicAccess).toBe(false);
    expect((await blobs().getContainerClient(container).getAccessPolicy()).blobPublicAccess).toBeUndefined();
    // Every ARM call carried the token the managed identity endpoint issued.
    expect(identity.issuedFor).toContain('https://management.azure.com');
    const patch = world.server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.authorization).toMatch(/^Bearer managed-identity-token-\d+$/);
    expect(run.stdout).toContain(`custdata (azure ${SUB}`);
    expect(run.stdout).toContain('— remediated');
    expect(run.stdout).toContain('Timeline (UTC):');
    expect(run.stdout).toContain('Total exposure time:');

    const alerts = await state.listRecords('alerts_events', 'alert:');
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as Record<string, unknown> & { actions: Record<string, unknown>[] };
    expect(alert.status).toBe('remediated');
    expect(alert.enrichment).toMatchObject({
      in_estate: true,
      data_classification: 'PII',
      environment: 'production',
      owner: 'maria@acme.example',
    });
    expect(alert.actions[0]).toMatchObject({
      action: 'azure.storage.disallow_public_access',
      outcome: 'succeeded',
      verified: true,
      changes: [
        'set allowBlobPublicAccess=false on custdata',
        `set container ${container} private (was container)`,
      ],
    });
    const opId = alert.actions[0]?.operation_id as string;
    expect(await state.getRecord('executed_operations', opId)).toMatchObject({
      action: 'azure.storage.disallow_public_access',
      outcome: 'succeeded',
      verified: true,
    });
    expect(await state.getRecord('audit', `audit:${opId}`)).toMatchObject({
      outcome: 'succeeded',
      subject: { collection: 'executed_operations', id: opId },
    });
    await blobs().getContainerClient(container).deleteIfExists();
  });

  it('removes an NSG rule opening SSH to the Internet and leaves the others', async () => {
    const nsg = addNsg(world.network, {
      subscription: SUB,
      resourceGroup: 'prod-rg',
      name: `web-nsg-${suffix}`,
      location: 'westeurope',
      rules: [
        {
          name: 'allow-ssh-any',
          protocol: 'Tcp',
          access: 'Allow',
          direction: 'Inbound',
          priority: 100,
          destinationPortRange: '22',
          sourceAddressPrefix: '*',
        },
        {
          name: 'allow-https',
          protocol: 'Tcp',
          access: 'Allow',
          direction: 'Inbound',
          priority: 110,
          destinationPortRange: '443',
          sourceAddressPrefix: 'Internet',
        },
      ],
    });
    const ruleId = `${nsgId(nsg)}/securityRules/allow-ssh-any`;
    const env = newRunnerEnv();
    const state = await runnerState(env);
    const event = nsgRuleWritten(ruleId, SUB, `ssh-opened-${suffix}`);

    const run = await runCli(['run', '--event', '-', '--json'], env, JSON.stringify(event));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(nsg.rules.map((r) => r.name)).toEqual(['allow-https']);
    const printed = JSON.parse(run.stdout) as { status: string; timeline: { step: string }[] };
    expect(printed.status).toBe('remediated');
    expect(printed.timeline.map((t) => t.step)).toEqual([...REMEDIATED_TIMELINE]);
    const [operation] = await state.listRecords('executed_operations', 'op:');
    expect(operation).toMatchObject({
      action: 'azure.network.remove_public_admin_rule',
      outcome: 'succeeded',
      verified: true,
    });
    expect(await state.listRecords('audit', 'audit:')).toHaveLength(1);
  });
});
