// The state backends the CLI concurrency and crash tests run against: the local store,
// moto and Azurite, each on a fresh bucket or container. The environment returned is what a
// CLI child process needs to reach it. fake-gcs-server is not here yet: with
// STORAGE_EMULATOR_HOST in a child's process environment, @google-cloud/storage uses it as
// its base URL without the /storage/v1 path and every request 404s; the GCS adapter must
// neutralise that before the CLI can talk to the emulator.

import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { createS3Client } from '../../src/storage/s3-store.js';
import { AZURITE_ACCOUNT } from '../support/emulators/azurite.js';
import { awsEnv, azureEnv, runtimeEnvWith } from '../support/emulators.js';

export interface Backend {
  name: string;
  /**
   * Whether concurrent compare-and-swaps are atomic. moto's conditional PUT checks If-Match
   * and then writes without a lock, so two racing writers can both "win" (real S3 cannot);
   * races against it would test moto, not the snapshot.
   */
  atomicCas: boolean;
  fresh(): Promise<{ storeUrl: string; env: Record<string, string> }>;
}

const unique = (kind: string) => `escher-cli-${kind}-${randomUUID().slice(0, 8)}`;

export const backends: Backend[] = [
  {
    name: 'local store',
    atomicCas: true,
    fresh: async () => ({
      storeUrl: `file://${join(await mkdtemp(join(tmpdir(), 'escher-cli-')), 'state')}`,
      env: {},
    }),
  },
  {
    name: 'S3 (moto)',
    atomicCas: false,
    async fresh() {
      const env = awsEnv();
      const bucket = unique('s3');
      await createS3Client(runtimeEnvWith(env)).send(new CreateBucketCommand({ Bucket: bucket }));
      return { storeUrl: `s3://${bucket}/state`, env };
    },
  },
  {
    name: 'Azure Blob (Azurite)',
    atomicCas: true,
    async fresh() {
      const env = azureEnv();
      const container = unique('az');
      await BlobServiceClient.fromConnectionString(runtimeEnvWith(env).AZURE_STORAGE_CONNECTION_STRING ?? '')
        .getContainerClient(container)
        .create();
      return { storeUrl: `az://${AZURITE_ACCOUNT}/${container}/state`, env };
    },
  },
];
