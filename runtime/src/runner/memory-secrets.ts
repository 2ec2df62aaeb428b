// A SecretStore held in memory: the runner's stand-in when no secret store is configured
// (a laptop run without ESCHER_SECRETS), and the tests' planted secrets. Every value read
// is registered with the Redactor, like every other SecretStore read.

import type { Redactor } from '../secrets/redactor.js';
import type { SecretStore } from '../secrets/secret-store.js';

export function memorySecretStore(initial: Record<string, string> = {}, redactor?: Redactor): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    url: 'memory://',
    async get(name) {
      const value = values.get(name);
      redactor?.add(value);
      return value;
    },
    async put(name, value) {
      values.set(name, value);
    },
    async list(prefix) {
      return [...values.keys()].filter((k) => k.startsWith(prefix));
    },
    async delete(name) {
      values.delete(name);
    },
  };
}
