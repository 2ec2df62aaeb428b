// Every SecretStore backend keeps values exactly, lists logical names, forgets deleted
// secrets, and registers every value it hands out with the Redactor.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Redactor } from '../../src/secrets/redactor.js';
import type { SecretStore } from '../../src/secrets/secret-store.js';
import { secretBackends } from './backends.js';

// Kept apart per test, since the Key Vault and Secret Manager stand-ins share state across files.
const account = () => `1${randomUUID().replace(/\D/g, '').padEnd(11, '7').slice(0, 11)}`;

describe.each(secretBackends)('SecretStore on $name', (backend) => {
  let store: SecretStore;
  let redactor: Redactor;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, redactor, cleanup } = await backend.open());
  });
  afterEach(() => cleanup());

  it('returns undefined for a secret that was never put', async () => {
    expect(await store.get(`escher/aws/${account()}/access_key_id`)).toBeUndefined();
  });

  it('round-trips a value exactly and masks it in anything redacted afterwards', async () => {
    const name = `escher/aws/${account()}/secret_access_key`;
    await store.put(name, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(await store.get(name)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(redactor.redact('key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;')).toBe('key=[REDACTED];');
  });

  it('keeps multi-line JSON values byte for byte', async () => {
    const name = `escher/gcp/proj-${account()}/service_account_json`;
    const json = JSON.stringify(
      {
        type: 'service_account',
        private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
        note: 'é ✓',
      },
      null,
      2,
    );
    await store.put(name, json);
    expect(await store.get(name)).toBe(json);
  });

  it('returns the latest value after a second put', async () => {
    const name = `escher/azure/${account()}/client_secret`;
    await store.put(name, 'first-value');
    await store.put(name, 'second-value');
    expect(await store.get(name)).toBe('second-value');
  });

  it('lists the logical names under a prefix, sorted', async () => {
    const id = account();
    await store.put(`escher/aws/${id}/access_key_id`, 'AKIAEXAMPLE1');
    await store.put(`escher/aws/${id}/secret_access_key`, 'secret-example-1');
    await store.put(`escher/aws/${id}9/access_key_id`, 'AKIAEXAMPLE2');
    expect(await store.list(`escher/aws/${id}/`)).toEqual([
      `escher/aws/${id}/access_key_id`,
      `escher/aws/${id}/secret_access_key`,
    ]);
  });

  it('forgets a deleted secret, tolerates deleting it again, and accepts the name anew', async () => {
    const name = `escher/notify/slack_webhook_url_${account()}`;
    await store.put(name, 'https://hooks.example.invalid/one');
    await store.delete(name);
    expect(await store.get(name)).toBeUndefined();
    await expect(store.delete(name)).resolves.toBeUndefined();
    await store.put(name, 'https://hooks.example.invalid/two');
    expect(await store.get(name)).toBe('https://hooks.example.invalid/two');
  });

  it('refuses a name outside the logical scheme before reaching the backend', async () => {
    await expect(store.put('Escher/AWS/key', 'value-1')).rejects.toBeInstanceOf(InputError);
    await expect(store.get('escher//x')).rejects.toThrow(
      'secret name "escher//x" is not a logical secret name',
    );
  });
});
