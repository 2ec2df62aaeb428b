// A SecretStore that builds its backend (and so loads its cloud SDK) on the first call,
// not when it is opened: many runs open the secret store and never read from it.

import type { SecretStore } from './secret-store.js';

export function lazySecretStore(url: string, open: () => Promise<SecretStore>): SecretStore {
  let opened: Promise<SecretStore> | undefined;
  const store = () => {
    opened ??= open();
    return opened;
  };
  return {
    url,
    get: async (name) => (await store()).get(name),
    put: async (name, value) => (await store()).put(name, value),
    list: async (prefix) => (await store()).list(prefix),
    delete: async (name) => (await store()).delete(name),
  };
}
