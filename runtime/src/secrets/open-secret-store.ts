// Opens a SecretStore from its URL. One entry per scheme; SDK clients are built here, at
// the edge, from RuntimeEnv. Every store handed out registers each value it reads or
// writes with the Redactor, so no adapter can forget to.

import type { RuntimeEnv } from '../config/env.js';
import { createSecretClient, KeyVaultSecretStore } from './key-vault-secret-store.js';
import { LocalSecretStore } from './local-secret-store.js';
import { redactingSecretStore } from './redacting-secret-store.js';
import type { Redactor } from './redactor.js';
import { createSecretManagerClient, SecretManagerSecretStore } from './secret-manager-secret-store.js';
import type { SecretStore } from './secret-store.js';
import { parseSecretUrl, type SecretUrl } from './secret-url.js';
import { createSsmClient, SsmSecretStore } from './ssm-secret-store.js';

type Openers = {
  [S in SecretUrl['scheme']]: (url: Extract<SecretUrl, { scheme: S }>, env: RuntimeEnv) => SecretStore;
};

const openers: Openers = {
  ssm: (url, env) => new SsmSecretStore(createSsmClient(env), url.root),
  keyvault: (url, env) => new KeyVaultSecretStore(createSecretClient(env, url.vault), url.vault),
  gsm: (url, env) => new SecretManagerSecretStore(createSecretManagerClient(env), url.project),
  file: (url) => new LocalSecretStore(url.path),
};

export function openSecretStore(raw: string, env: RuntimeEnv, redactor: Redactor): SecretStore {
  const url = parseSecretUrl(raw);
  const open = openers[url.scheme] as (url: SecretUrl, env: RuntimeEnv) => SecretStore;
  return redactingSecretStore(open(url, env), redactor);
}
