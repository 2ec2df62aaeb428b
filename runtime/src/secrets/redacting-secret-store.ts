// Wraps any SecretStore so every value that passes through it, read or written, is
// registered with the Redactor before the caller can log or send it anywhere, and every
// name is checked against the logical naming scheme before it reaches a backend.

import type { Redactor } from './redactor.js';
import { assertSecretName } from './secret-names.js';
import type { SecretStore } from './secret-store.js';

export function redactingSecretStore(inner: SecretStore, redactor: Redactor): SecretStore {
  return {
    url: inner.url,
    async get(name) {
      const value = await inner.get(assertSecretName(name));
      redactor.add(value);
      return value;
    },
    async put(name, value) {
      redactor.add(value);
      await inner.put(assertSecretName(name), value);
    },
    list: (prefix) => inner.list(prefix),
    delete: (name) => inner.delete(assertSecretName(name)),
  };
}
