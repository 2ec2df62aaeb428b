// Azure Key Vault backend. Key Vault names allow only letters, digits and hyphens, so the
// logical name is stored in its flat form (see secret-names.ts). Deleting purges as well,
// because a soft-deleted name blocks putting that name again until it is purged.

import { readFileSync } from 'node:fs';
import { type AccessToken, DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError, EscherError, TransientError } from '../errors.js';
import { fromFlatName, toFlatName } from './secret-names.js';
import type { SecretStore } from './secret-store.js';

/** Key Vault emulators accept any bearer token; this one keeps the SDK from calling Entra ID. */
const emulatorCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: 'emulator-token',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

/** https://<vault>.vault.azure.net with Entra ID, or the emulator ESCHER_KEYVAULT_ENDPOINT names. */
export function createSecretClient(env: RuntimeEnv, vault: string): SecretClient {
  const endpoint = env.ESCHER_KEYVAULT_ENDPOINT;
  if (!endpoint) return new SecretClient(`https://${vault}.vault.azure.net`, new DefaultAzureCredential());
  const ca = env.ESCHER_KEYVAULT_CA_FILE ? readFileSync(env.ESCHER_KEYVAULT_CA_FILE, 'utf8') : undefined;
  return new SecretClient(endpoint, emulatorCredential, {
    // The emulator's host is not *.vault.azure.net, which the challenge check would refuse.
    disableChallengeResourceVerification: true,
    ...(ca ? { tlsOptions: { ca } } : {}),
  });
}

interface RestLikeError {
  statusCode?: number;
  code?: string;
}

export class KeyVaultSecretStore implements SecretStore {
  readonly url: string;

  constructor(
    private readonly client: SecretClient,
    vault: string,
  ) {
    this.url = `keyvault://${vault}`;
  }

  private fail(op: string, name: string, err: unknown): Error {
    const { statusCode, code = '' } = (err ?? {}) as RestLikeError;
    if (
      statusCode === 401 ||
      statusCode === 403 ||
      code === 'Forbidden' ||
      (err as Error)?.name === 'AuthenticationError'
    ) {
      return new ConfigError(`Key Vault ${this.url} refused ${op} of ${name}`, {
        hint: 'fix AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET or the managed identity, and its Key Vault Secrets role',
        cause: err,
      });
    }
    const message = `Key Vault ${op} of ${name} failed (${code || `HTTP ${statusCode}`})`;
    return statusCode === undefined || statusCode === 429 || statusCode >= 500
      ? new TransientError(message, { cause: err })
      : new EscherError(message, { cause: err });
  }

  async get(name: string): Promise<string | undefined> {
    try {
      return (await this.client.getSecret(toFlatName(name))).value;
    } catch (err) {
      if ((err as RestLikeError).statusCode === 404) return undefined;
      throw this.fail('read', name, err);
    }
  }

  async put(name: string, value: string): Promise<void> {
    await this.client.setSecret(toFlatName(name), value).catch((err) => {
      throw this.fail('write', name, err);
    });
  }

  async list(prefix: string): Promise<string[]> {
    const names: string[] = [];
    try {
      for await (const props of this.client.listPropertiesOfSecrets()) {
        const logical = fromFlatName(props.name);
        if (logical?.startsWith(prefix)) names.push(logical);
      }
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
    return names.sort();
  }

  async delete(name: string): Promise<void> {
    const flat = toFlatName(name);
    try {
      const poller = await this.client.beginDeleteSecret(flat, { intervalInMs: 250 });
      await poller.pollUntilDone();
      await this.client.purgeDeletedSecret(flat);
    } catch (err) {
      if ((err as RestLikeError).statusCode === 404) return;
      throw this.fail('delete', name, err);
    }
  }
}
