// Wraps any SecretStore so every value that passes through it, read or written, is
// registered with the Redactor before the caller can log or send it anywhere, and every
// name is checked against the logical naming scheme before it reaches a backend.

import type { Redactor } from './redactor.js';
import { assertSecretName } from './secret-names.js';
import type { SecretStore } from './secret-store.js';

/** Keys inside a JSON secret (a service account key file) whose values are secrets themselves. */
const SECRET_FIELD = /key|secret|token|password|credential/i;

function registerSecret(redactor: Redactor, value: string | undefined): void {
  redactor.add(value);
  if (!value?.trimStart().startsWith('{')) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return; // Not JSON after all: the whole value is registered already.
  }
  // A caller that parses the JSON and logs one field must not leak that field.
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [field, child] of Object.entries(node)) {
      if (typeof child === 'string' && SECRET_FIELD.test(field)) redactor.add(child);
      else visit(child);
    }
  };
  visit(parsed);
}

export function redactingSecretStore(inner: SecretStore, redactor: Redactor): SecretStore {
  return {
    url: inner.url,
    async get(name) {
      const value = await inner.get(assertSecretName(name));
      registerSecret(redactor, value);
      return value;
    },
    async put(name, value) {
      registerSecret(redactor, value);
      await inner.put(assertSecretName(name), value);
    },
    list: (prefix) => inner.list(prefix),
    delete: (name) => inner.delete(assertSecretName(name)),
  };
}
