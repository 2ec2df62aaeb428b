// The naming scheme: logical names, their reversible flat form for Key Vault and Secret
// Manager, and the secret store URLs.

import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/errors.js';
import { assertSecretName, fromFlatName, toFlatName } from '../../src/secrets/secret-names.js';
import { parseSecretUrl } from '../../src/secrets/secret-url.js';

describe('toFlatName / fromFlatName', () => {
  it.each([
    ['escher/aws/123456789012/access_key_id', 'escher-saws-s123456789012-saccess-ukey-uid'],
    [
      'escher/azure/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab/client_secret',
      'escher-sazure-s0f1e2d3c-daaaa-dbbbb-dcccc-d0123456789ab-sclient-usecret',
    ],
    ['escher/gcp/my-proj-1/service_account_json', 'escher-sgcp-smy-dproj-d1-sservice-uaccount-ujson'],
    ['escher/notify/slack.webhook', 'escher-snotify-sslack-pwebhook'],
  ])('maps %s to %s and back', (logical, flat) => {
    expect(toFlatName(logical)).toBe(flat);
    expect(fromFlatName(flat)).toBe(logical);
  });

  it('gives up on flat names the scheme did not produce', () => {
    expect(fromFlatName('someone-elses-secret')).toBeUndefined();
    expect(fromFlatName('escher-x')).toBeUndefined();
  });
});

describe('assertSecretName', () => {
  it.each([
    'escher',
    'escher/',
    'escher//x',
    'Escher/ai/token',
    'escher/ai/Token',
    'other/ai/token',
    'escher/ai/to ken',
  ])('refuses %j', (name) => {
    expect(() => assertSecretName(name)).toThrow(InputError);
  });

  it('accepts the documented names', () => {
    for (const name of [
      'escher/ai/token',
      'escher/state/key',
      'escher/webhook/shared_secret',
      'escher/notify/pagerduty',
    ]) {
      expect(assertSecretName(name)).toBe(name);
    }
  });
});

describe('parseSecretUrl', () => {
  it('reads each scheme', () => {
    expect(parseSecretUrl('ssm:///escher')).toEqual({ scheme: 'ssm', root: '/escher' });
    expect(parseSecretUrl('ssm:///prod/escher/')).toEqual({ scheme: 'ssm', root: '/prod/escher' });
    expect(parseSecretUrl('keyvault://escher-kv')).toEqual({ scheme: 'keyvault', vault: 'escher-kv' });
    expect(parseSecretUrl('gsm://my-project-1')).toEqual({ scheme: 'gsm', project: 'my-project-1' });
    expect(parseSecretUrl('file:///home/me/.escher/secrets')).toEqual({
      scheme: 'file',
      path: '/home/me/.escher/secrets',
    });
  });

  it.each([
    [
      'vault://x',
      'secret store URL "vault://x" has the unknown scheme "vault" (use ssm:///escher, keyvault://<vault-name>, gsm://<project> or file:///path)',
    ],
    [
      'ssm://escher',
      'secret store URL "ssm://escher" names a host (SSM paths take three slashes: ssm:///escher)',
    ],
    [
      'keyvault://a',
      'secret store URL "keyvault://a" does not name a Key Vault (use keyvault://<vault-name> (3-24 letters, digits and hyphens))',
    ],
    ['gsm://', 'secret store URL "gsm://" does not name a GCP project (use gsm://<project-id>)'],
    [
      'not a url',
      'secret store URL "not a url" is not a URL (use ssm:///escher, keyvault://<vault-name>, gsm://<project> or file:///path)',
    ],
  ])('refuses %s with one line saying what to use', (raw, message) => {
    let caught: unknown;
    try {
      parseSecretUrl(raw);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).toUserMessage()).toBe(message);
  });
});
