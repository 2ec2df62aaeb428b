// Opens an ObjectStore from its URL. One entry per scheme: adding a backend is adding
// an adapter file and a line here.

import type { RuntimeEnv } from '../config/env.js';
import { ConfigError } from '../errors.js';
import { LocalObjectStore } from './local-store.js';
import type { ObjectStore } from './object-store.js';
import { parseStoreUrl, type StoreUrl } from './store-url.js';

type Opener = (url: StoreUrl, env: RuntimeEnv) => Promise<ObjectStore> | ObjectStore;

const openers: Partial<Record<StoreUrl['scheme'], Opener>> = {
  file: (url) => new LocalObjectStore((url as Extract<StoreUrl, { scheme: 'file' }>).path),
};

export async function openObjectStore(raw: string, env: RuntimeEnv): Promise<ObjectStore> {
  const url = parseStoreUrl(raw);
  const opener = openers[url.scheme];
  if (!opener) throw new ConfigError(`no adapter is registered for ${url.scheme}:// stores`);
  return opener(url, env);
}
