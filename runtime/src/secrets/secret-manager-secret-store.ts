// Google Secret Manager backend: each logical name is a secret in the project, under its
// flat name (see secret-names.ts), whose latest version holds the value. A put adds a
// version; a delete removes the secret with all its versions.

import { SecretManagerServiceClient } from '@google-cloud/secret-manager';
import { PassThroughClient } from 'google-auth-library';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError, EscherError, TransientError } from '../errors.js';
import { fromFlatName, toFlatName } from './secret-names.js';
import type { SecretStore } from './secret-store.js';

/** gRPC with Application Default Credentials, or REST without auth to ESCHER_GSM_ENDPOINT (emulators). */
export function createSecretManagerClient(env: RuntimeEnv): SecretManagerServiceClient {
  const endpoint = env.ESCHER_GSM_ENDPOINT ? new URL(env.ESCHER_GSM_ENDPOINT) : undefined;
  if (!endpoint) return new SecretManagerServiceClient();
  return new SecretManagerServiceClient({
    fallback: true,
    protocol: endpoint.protocol.replace(/:$/, ''),
    apiEndpoint: endpoint.hostname,
    port: Number(endpoint.port),
    authClient: new PassThroughClient(),
  });
}

// gRPC status codes, as the client reports them in `code`.
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const PERMISSION_DENIED = 7;
const UNAUTHENTICATED = 16;
const TRANSIENT = new Set([4, 8, 10, 13, 14]);

const codeOf = (err: unknown) => (err as { code?: unknown } | undefined)?.code;

export class SecretManagerSecretStore implements SecretStore {
  readonly url: string;

  constructor(
    private readonly client: SecretManagerServiceClient,
    private readonly project: string,
  ) {
    this.url = `gsm://${project}`;
  }

  private secretPath(name: string): string {
    return `projects/${this.project}/secrets/${toFlatName(name)}`;
  }

  private fail(op: string, name: string, err: unknown): Error {
    const code = codeOf(err);
    if (code === PERMISSION_DENIED || code === UNAUTHENTICATED) {
      return new ConfigError(`Secret Manager ${this.url} refused ${op} of ${name}`, {
        hint: 'fix GOOGLE_APPLICATION_CREDENTIALS or the service account the runner uses, and its Secret Manager roles',
        cause: err,
      });
    }
    const message = `Secret Manager ${op} of ${name} failed (code ${String(code)})`;
    return typeof code === 'number' && !TRANSIENT.has(code)
      ? new EscherError(message, { cause: err })
      : new TransientError(message, { cause: err });
  }

  async get(name: string): Promise<string | undefined> {
    try {
      const [version] = await this.client.accessSecretVersion({
        name: `${this.secretPath(name)}/versions/latest`,
      });
      const data = version.payload?.data;
      if (data === undefined || data === null) return undefined;
      return typeof data === 'string'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data).toString('utf8');
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) return undefined;
      throw this.fail('read', name, err);
    }
  }

  async put(name: string, value: string): Promise<void> {
    const parent = `projects/${this.project}`;
    try {
      await this.client
        .createSecret({ parent, secretId: toFlatName(name), secret: { replication: { automatic: {} } } })
        .catch((err: unknown) => {
          if (codeOf(err) !== ALREADY_EXISTS) throw err;
        });
      await this.client.addSecretVersion({
        parent: this.secretPath(name),
        payload: { data: Buffer.from(value, 'utf8') },
      });
    } catch (err) {
      throw this.fail('write', name, err);
    }
  }

  async list(prefix: string): Promise<string[]> {
    try {
      const [secrets] = await this.client.listSecrets({ parent: `projects/${this.project}` });
      return secrets
        .map((s) => fromFlatName(s.name?.split('/').pop() ?? ''))
        .filter((n): n is string => n?.startsWith(prefix) === true)
        .sort();
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
  }

  async delete(name: string): Promise<void> {
    try {
      await this.client.deleteSecret({ name: this.secretPath(name) });
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) return;
      throw this.fail('delete', name, err);
    }
  }
}
