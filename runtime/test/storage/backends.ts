// The ObjectStore backends the conformance suite runs against, each opened through
// openObjectStore from a fresh bucket/container on its emulator (or a temp directory).

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { createStorage } from '../../src/storage/gcs-store.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { openObjectStore } from '../../src/storage/open-store.js';
import { createS3Client } from '../../src/storage/s3-store.js';
import { AZURITE_ACCOUNT } from '../support/emulators/azurite.js';
import { awsEnv, azureEnv, gcpEnv, runtimeEnvWith } from '../support/emulators.js';

export interface Backend {
  name: string;
  /** A store on a new, empty bucket (or directory), and a cleanup. */
  open(): Promise<{ store: ObjectStore; cleanup(): Promise<void> }>;
}

/** Bucket names must be lowercase, 3-63 characters. */
export const uniqueName = (kind: string) => `escher-${kind}-${randomUUID().slice(0, 8)}`;

export const backends: Backend[] = [
  {
    name: 'local filesystem',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'escher-store-'));
      const store = await openObjectStore(`file://${dir}/state`, runtimeEnvWith({}));
      return { store, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'S3 (moto)',
    async open() {
      const env = runtimeEnvWith(awsEnv());
      const bucket = uniqueName('s3');
      await createS3Client(env).send(new CreateBucketCommand({ Bucket: bucket }));
      return { store: await openObjectStore(`s3://${bucket}/state`, env), cleanup: async () => undefined };
    },
  },
  {
    name: 'Azure Blob (Azurite)',
    async open() {
      const env = runtimeEnvWith(azureEnv());
      const container = uniqueName('az');
      await BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING ?? '')
        .getContainerClient(container)
        .create();
      const store = await openObjectStore(`az://${AZURITE_ACCOUNT}/${container}/state`, env);
      return { store, cleanup: async () => undefined };
    },
  },
  {
    name: 'GCS (fake-gcs-server)',
    async open() {
      const env = runtimeEnvWith(gcpEnv());
      const bucket = uniqueName('gs');
      await createStorage(env).createBucket(bucket);
      return { store: await openObjectStore(`gs://${bucket}/state`, env), cleanup: async () => undefined };
    },
  },
];
