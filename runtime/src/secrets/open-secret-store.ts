// Opens a SecretStore from its URL. One entry per scheme; SDK clients are built here, at
// the edge, from RuntimeEnv. Every store handed out registers each value it reads or
// writes with the Redactor, so no adapter can forget to. Each entry imports its adapter
// (and its cloud SDK, which takes seconds to load) only on the store's first call.

import type { RuntimeEnv } from '../config/env.js';
import { lazySecretStore } from './lazy-secret-store.js';
import { redactingSecretStore } from './redacting-secret-store.js';
import type { Redactor } from './redactor.js';
import type { SecretStore } from './secret-store.js';
import { parseSecretUrl, type SecretUrl } from './secret-url.js';

/** Per-store settings only a writer needs; readers open a store by URL alone. */
export interface SecretStoreOptions {
  /** KMS key for new SSM SecureStrings (ignored by other schemes). */
  ssmKeyId?: string;
}

type Openers = {
  [S in SecretUrl['scheme']]: {
    /** The store's canonical URL, as its adapter reports it. */
    url: (url: Extract<SecretUrl, { scheme: S }>) => string;
    open: (
      url: Extract<SecretUrl, { scheme: S }>,
      env: RuntimeEnv,
      options: SecretStoreOptions,
    ) => Promise<SecretStore>;
  };
};

const openers: Openers = {
  ssm: {
    url: (url) => `ssm://${url.root}`,
    open: async (url, env, options) => {
      const { createSsmClient, SsmSecretStore } = await import('./ssm-secret-store.js');
      return new SsmSecretStore(createSsmClient(env), url.root, options.ssmKeyId);
    },
  },
  keyvault: {
    url: (url) => `keyvault://${url.vault}`,
    open: async (url, env) => {
      const { createSecretClient, KeyVaultSecretStore } = await import('./key-vault-secret-store.js');
      return new KeyVaultSecretStore(createSecretClient(env, url.vault), url.vault);
    },
  },
  gsm: {
    url: (url) => `gsm://${url.project}`,
    open: async (url, env) => {
      const { createSecretManagerClient, SecretManagerSecretStore } = await import(
        './secret-manager-secret-store.js'
      );
      return new SecretManagerSecretStore(createSecretManagerClient(env), url.project);
    },
  },
  file: {
    url: (url) => `file://${url.path}`,
    open: async (url) => {
      const { LocalSecretStore } = await import('./local-secret-store.js');
      return new LocalSecretStore(url.path);
    },
  },
};

export function openSecretStore(
  raw: string,
  env: RuntimeEnv,
  redactor: Redactor,
  options: SecretStoreOptions = {},
): SecretStore {
  const url = parseSecretUrl(raw);
  const opener = openers[url.scheme] as {
    url: (url: SecretUrl) => string;
    open: (url: SecretUrl, env: RuntimeEnv, options: SecretStoreOptions) => Promise<SecretStore>;
  };
  return redactingSecretStore(
    lazySecretStore(opener.url(url), () => opener.open(url, env, options)),
    redactor,
  );
}

/**
 * Where the snapshot's data key lives: ESCHER_SECRETS, else the laptop's own secret folder
 * under ESCHER_HOME. `escher state` and the runner resolve it alike, so both open one snapshot.
 */
export function stateKeyStoreUrl(env: Pick<RuntimeEnv, 'ESCHER_SECRETS' | 'ESCHER_HOME'>): string {
  return env.ESCHER_SECRETS ?? `file://${env.ESCHER_HOME}/secrets`;
}
