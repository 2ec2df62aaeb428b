// Opens an ObjectStore from its URL. One entry per scheme: adding a backend is adding
// an adapter file and a line here. SDK clients are built here, at the edge, from RuntimeEnv.

import type { RuntimeEnv } from '../config/env.js';
import { AzureBlobObjectStore, createBlobServiceClient } from './azure-blob-store.js';
import { createStorage, GcsObjectStore } from './gcs-store.js';
import { LocalObjectStore } from './local-store.js';
import type { ObjectStore } from './object-store.js';
import { createS3Client, S3ObjectStore } from './s3-store.js';
import { parseStoreUrl, type StoreUrl } from './store-url.js';

type Openers = {
  [S in StoreUrl['scheme']]: (url: Extract<StoreUrl, { scheme: S }>, env: RuntimeEnv) => ObjectStore;
};

const openers: Openers = {
  file: (url) => new LocalObjectStore(url.path),
  s3: (url, env) => new S3ObjectStore(createS3Client(env), url.bucket, url.prefix),
  az: (url, env) =>
    new AzureBlobObjectStore(
      createBlobServiceClient(env, url.account),
      url.account,
      url.container,
      url.prefix,
    ),
  gs: (url, env) => new GcsObjectStore(createStorage(env), url.bucket, url.prefix),
};

export async function openObjectStore(raw: string, env: RuntimeEnv): Promise<ObjectStore> {
  const url = parseStoreUrl(raw);
  const open = openers[url.scheme] as (url: StoreUrl, env: RuntimeEnv) => ObjectStore;
  return open(url, env);
}
