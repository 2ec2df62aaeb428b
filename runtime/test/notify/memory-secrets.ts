// An in-memory SecretStore for notification tests: the channels only read secrets.

import type { SecretStore } from '../../src/secrets/secret-store.js';

export function memorySecrets(initial: Record<string, string> = {}): SecretStore & { reads: string[] } {
  const values = new Map(Object.entries(initial));
  const reads: string[] = [];
  return {
    url: 'memory://test',
    reads,
    get: async (name) => {
      reads.push(name);
      return values.get(name);
    },
    put: async (name, value) => {
      values.set(name, value);
    },
    list: async (prefix) => [...values.keys()].filter((k) => k.startsWith(prefix)),
    delete: async (name) => {
      values.delete(name);
    },
  };
}
