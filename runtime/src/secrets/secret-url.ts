// Parses the secret store URLs users type: ssm:///escher (SSM Parameter Store under a
// path), keyvault://<vault-name>, gsm://<project>, file:///path. Pure; opening is the
// registry's job.

import { ConfigError } from '../errors.js';

export type SecretUrl =
  | { scheme: 'ssm'; root: string }
  | { scheme: 'keyvault'; vault: string }
  | { scheme: 'gsm'; project: string }
  | { scheme: 'file'; path: string };

const SUPPORTED = 'ssm:///escher, keyvault://<vault-name>, gsm://<project> or file:///path';

export function parseSecretUrl(raw: string): SecretUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new ConfigError(`secret store URL "${raw}" is not a URL`, { hint: `use ${SUPPORTED}`, cause });
  }
  const scheme = url.protocol.replace(/:$/, '');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  switch (scheme) {
    case 'ssm':
      if (url.hostname) {
        throw new ConfigError(`secret store URL "${raw}" names a host`, {
          hint: 'SSM paths take three slashes: ssm:///escher',
        });
      }
      return { scheme, root: path || '/escher' };
    case 'keyvault':
      if (!/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/.test(url.hostname)) {
        throw new ConfigError(`secret store URL "${raw}" does not name a Key Vault`, {
          hint: 'use keyvault://<vault-name> (3-24 letters, digits and hyphens)',
        });
      }
      return { scheme, vault: url.hostname };
    case 'gsm':
      if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(url.hostname)) {
        throw new ConfigError(`secret store URL "${raw}" does not name a GCP project`, {
          hint: 'use gsm://<project-id>',
        });
      }
      return { scheme, project: url.hostname };
    case 'file':
      if (url.hostname && url.hostname !== 'localhost') {
        throw new ConfigError(
          `secret store URL "${raw}" names a host; local stores take file:///absolute/path`,
        );
      }
      return { scheme, path: path || '/' };
    default:
      throw new ConfigError(`secret store URL "${raw}" has the unknown scheme "${scheme}"`, {
        hint: `use ${SUPPORTED}`,
      });
  }
}
