// The state backends the CLI concurrency and crash tests run against: the local store and
// each cloud emulator the harness started, every one on a fresh bucket or container. The
// environment returned is what a CLI child process needs to reach it.

import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { createStorage } from '../../src/storage/gcs-store.js';
import { createS3Client } from '../../src/storage/s3-store.js';
import { AZURITE_ACCOUNT } from '../support/emulators/azurite.js';
import { awsEnv, azureEnv, gcpEnv, runtimeEnvWith } from '../support/emulators.js';

export interface Backend {
  name: string;
  fresh(): Promise<{ storeUrl: string; env: Record<string, string> }>;
}

const unique = (kind: string) => `escher-cli-${kind}-${randomUUID().slice(0, 8)}`;

export const backends: Backend[] = [
  {
    name: 'local store',
    fresh: async () => ({
      storeUrl: `file://${join(await mkdtemp(join(tmpdir(), 'escher-cli-')), 'state')}`,
      env: {},
    }),
  },
  {
    name: 'S3 (moto)',
    async fresh() {
      const env = awsEnv();
      const bucket = unique('s3');
      await createS3Client(runtimeEnvWith(env)).send(new CreateBucketCommand({ Bucket: bucket }));
      return { storeUrl: `s3://${bucket}/state`, env };
    },
  },
  {
    name: 'Azure Blob (Azurite)',
    async fresh() {
      const env = azureEnv();
      const container = unique('az');
      await BlobServiceClient.fromConnectionString(runtimeEnvWith(env).AZURE_STORAGE_CONNECTION_STRING ?? '')
        .getContainerClient(container)
        .create();
      return { storeUrl: `az://${AZURITE_ACCOUNT}/${container}/state`, env };
    },
  },
  {
    name: 'GCS (fake-gcs-server)',
    async fresh() {
      const env = gcpEnv();
      const bucket = unique('gs');
      await createStorage(runtimeEnvWith(env)).createBucket(bucket);
      return { storeUrl: `gs://${bucket}/state`, env };
    },
  },
];
