import { describe, expect, it } from 'vitest';
import { AzureClients } from '../../src/clouds/azure/clients.js';
import { memorySecretStore } from '../../src/runner/memory-secrets.js';
import { runtimeEnvWith } from '../support/emulators.js';

const HOME = '00000000-0000-0000-0000-000000000001';
const MEMBER = '00000000-0000-0000-0000-0000000000b2';

describe('Azure clients per subscription', () => {
  it('names the secrets to create for a subscription that has none, before any request leaves', async () => {
    const clients = new AzureClients(runtimeEnvWith({}), {
      homeSubscription: HOME,
      secrets: memorySecretStore({}),
    });
    await expect(clients.compute(MEMBER).virtualMachines.get('rg', 'vm-1')).rejects.toThrow(
      `azure credentials for ${MEMBER} are incomplete: missing escher/azure/${MEMBER}/tenant_id, escher/azure/${MEMBER}/client_id, escher/azure/${MEMBER}/client_secret`,
    );
  });

  it('gives the home subscription the default credential and a member its stored service principal', () => {
    const clients = new AzureClients(runtimeEnvWith({}), {
      homeSubscription: HOME,
      secrets: memorySecretStore({}),
    });
    expect(clients.credentialFor(HOME)).not.toBe(clients.credentialFor(MEMBER));
    expect(clients.credentialFor(MEMBER)).toBe(clients.credentialFor(MEMBER));
    expect(clients.credentialFor(HOME).constructor.name).toBe('DefaultAzureCredential');
  });
});
