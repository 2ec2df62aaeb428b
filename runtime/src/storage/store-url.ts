// Parses the state store URLs users type: s3://bucket/prefix, az://account/container/prefix,
// gs://bucket/prefix, file:///path. Pure; opening the store is the registry's job.

import { ConfigError } from '../errors.js';

export type StoreUrl =
  | { scheme: 's3'; bucket: string; prefix: string }
  | { scheme: 'az'; account: string; container: string; prefix: string }
  | { scheme: 'gs'; bucket: string; prefix: string }
  | { scheme: 'file'; path: string };

const SUPPORTED = 's3://bucket/prefix, az://account/container/prefix, gs://bucket/prefix or file:///path';

function cleanPrefix(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

export function parseStoreUrl(raw: string): StoreUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new ConfigError(`store URL "${raw}" is not a URL`, { hint: `use ${SUPPORTED}`, cause });
  }
  const scheme = url.protocol.replace(/:$/, '');
  switch (scheme) {
    case 's3':
    case 'gs': {
      if (!url.hostname)
        throw new ConfigError(`store URL "${raw}" names no bucket`, { hint: `use ${SUPPORTED}` });
      return { scheme, bucket: url.hostname, prefix: cleanPrefix(decodeURIComponent(url.pathname)) };
    }
    case 'az': {
      const [container, ...rest] = cleanPrefix(decodeURIComponent(url.pathname)).split('/');
      if (!url.hostname || !container) {
        throw new ConfigError(`store URL "${raw}" needs an account and a container`, {
          hint: 'use az://account/container/prefix',
        });
      }
      return { scheme, account: url.hostname, container, prefix: rest.join('/') };
    }
    case 'file': {
      if (url.hostname && url.hostname !== 'localhost') {
        throw new ConfigError(`store URL "${raw}" names a host; local stores take file:///absolute/path`);
      }
      return { scheme, path: decodeURIComponent(url.pathname) };
    }
    default:
      throw new ConfigError(`store URL "${raw}" has the unknown scheme "${scheme}"`, {
        hint: `use ${SUPPORTED}`,
      });
  }
}

/** Joins a store prefix and a relative key without doubling or dropping slashes. */
export function joinKey(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}
