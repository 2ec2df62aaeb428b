// Logical secret names ('escher/aws/123456789012/access_key_id') and their mapping onto
// backends with narrower alphabets. Key Vault allows only [0-9a-zA-Z-] (case-insensitive)
// and Secret Manager [A-Za-z0-9_-], so those get a reversible flat form in which '-' is
// the escape character: '-' → '-d', '_' → '-u', '.' → '-p', '/' → '-s'.

import { InputError } from '../errors.js';

/** Lowercase, '/'-separated segments; lowercase because Key Vault names ignore case. */
const LOGICAL = /^escher(\/[a-z0-9][a-z0-9_.-]*)+$/;

export function assertSecretName(name: string): string {
  if (!LOGICAL.test(name)) {
    throw new InputError(`secret name "${name}" is not a logical secret name`, {
      hint: 'use lowercase segments under escher/, e.g. escher/aws/123456789012/access_key_id',
    });
  }
  return name;
}

const ESCAPES: Record<string, string> = { '-': '-d', _: '-u', '.': '-p', '/': '-s' };
const UNESCAPES = Object.fromEntries(Object.entries(ESCAPES).map(([raw, escaped]) => [escaped, raw]));

export function toFlatName(name: string): string {
  return assertSecretName(name).replace(/[-_./]/g, (c) => ESCAPES[c] ?? c);
}

/** The logical name of a flat name, or undefined for a name this scheme did not produce. */
export function fromFlatName(flat: string): string | undefined {
  if (!/^[a-z0-9]+(-[dups][a-z0-9]*)*$/.test(flat)) return undefined;
  const name = flat.replace(/-[dups]/g, (e) => UNESCAPES[e] ?? e);
  return LOGICAL.test(name) ? name : undefined;
}
