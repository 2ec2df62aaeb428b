// Opens an ObjectStore from its URL. One entry per scheme: adding a backend is adding
// an adapter file and a line here. SDK clients are built here, at the edge, from RuntimeEnv.
// Each entry imports its adapter when that scheme is opened: the cloud SDKs take seconds
// to load, and a run only ever needs the one its store lives in.

import type { RuntimeEnv } from '../config/env.js';
import type { ObjectStore } from './object-store.js';
import { parseStoreUrl, type StoreUrl } from './store-url.js';

type Openers = {
  [S in StoreUrl['scheme']]: (url: Extract<StoreUrl, { scheme: S }>, env: RuntimeEnv) => Promise<ObjectStore>;
};

const openers: Openers = {
  file: async (url) => {
    const { LocalObjectStore } = await import('./local-store.js');
    return new LocalObjectStore(url.path);
  },
  s3: async (url, env) => {
    const { createS3Client, S3ObjectStore } = await import('./s3-store.js');
    return new S3ObjectStore(createS3Client(env), url.bucket, url.prefix);
  },
  az: async (url, env) => {
    const { AzureBlobObjectStore, createBlobServiceClient } = await import('./azure-blob-store.js');
    return new AzureBlobObjectStore(
      createBlobServiceClient(env, url.account),
      url.account,
      url.container,
      url.prefix,
    );
  },
  gs: async (url, env) => {
    const { createStorage, GcsObjectStore } = await import('./gcs-store.js');
    return new GcsObjectStore(createStorage(env), url.bucket, url.prefix);
  },
};

export async function openObjectStore(raw: string, env: RuntimeEnv): Promise<ObjectStore> {
  const url = parseStoreUrl(raw);
  const open = openers[url.scheme] as (url: StoreUrl, env: RuntimeEnv) => Promise<ObjectStore>;
  return open(url, env);
}
