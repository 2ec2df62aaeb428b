// The snapshot's data key lives in the SecretStore under one logical name. `state init`
// creates it; every other command only reads it, so a lost key is an error, never a new key.

import { randomBytes } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { type StateKey, stateKeyFrom } from './field-crypto.js';

export const STATE_KEY_NAME = 'escher/state/key';

function decode(value: string, store: SecretStore): StateKey {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(`secret ${STATE_KEY_NAME} in ${store.url} is not a base64 256-bit key`, {
      hint: 'restore the original key; a new key cannot open existing records',
    });
  }
  return stateKeyFrom(key);
}

export async function readStateKey(secrets: SecretStore): Promise<StateKey> {
  const value = await secrets.get(STATE_KEY_NAME);
  if (value === undefined) {
    throw new ConfigError(`the snapshot key ${STATE_KEY_NAME} is missing from ${secrets.url}`, {
      hint: 'point --secrets/ESCHER_SECRETS at the store that holds it, or run `escher state init` for a new snapshot',
    });
  }
  return decode(value, secrets);
}

/** Reads the key, creating a random one when the store has none. */
export async function ensureStateKey(secrets: SecretStore): Promise<StateKey> {
  const existing = await secrets.get(STATE_KEY_NAME);
  if (existing !== undefined) return decode(existing, secrets);
  await secrets.put(STATE_KEY_NAME, randomBytes(32).toString('base64'));
  return readStateKey(secrets);
}
