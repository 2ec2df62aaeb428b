// The SecretStore backends the round-trip suite runs against, each opened through
// openSecretStore on its emulator (or a temp directory) with a fresh Redactor.

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSecretStore } from '../../src/secrets/open-secret-store.js';
import { Redactor } from '../../src/secrets/redactor.js';
import type { SecretStore } from '../../src/secrets/secret-store.js';
import { awsEnv, emulator, runtimeEnvWith } from '../support/emulators.js';

export interface SecretBackend {
  name: string;
  open(): Promise<{ store: SecretStore; redactor: Redactor; cleanup(): Promise<void> }>;
}

const short = () => randomUUID().slice(0, 8);
const none = async () => undefined;

export const secretBackends: SecretBackend[] = [
  {
    name: 'local file',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'escher-secrets-'));
      const redactor = new Redactor();
      const store = openSecretStore(`file://${dir}`, runtimeEnvWith({}), redactor);
      return { store, redactor, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'SSM Parameter Store (moto)',
    async open() {
      const redactor = new Redactor();
      const store = openSecretStore(`ssm:///escher-${short()}`, runtimeEnvWith(awsEnv()), redactor);
      return { store, redactor, cleanup: none };
    },
  },
  {
    name: 'Key Vault (contract server)',
    async open() {
      const redactor = new Redactor();
      const store = openSecretStore(
        `keyvault://kv-${short()}`,
        runtimeEnvWith(emulator('keyVault').env),
        redactor,
      );
      return { store, redactor, cleanup: none };
    },
  },
  {
    name: 'Secret Manager (contract server)',
    async open() {
      const redactor = new Redactor();
      const store = openSecretStore(
        `gsm://escher-${short()}`,
        runtimeEnvWith(emulator('secretManager').env),
        redactor,
      );
      return { store, redactor, cleanup: none };
    },
  },
];
