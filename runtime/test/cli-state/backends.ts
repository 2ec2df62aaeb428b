// The state backends the CLI concurrency and crash tests run against: the local store,
// moto, Azurite and fake-gcs-server, each on a fresh bucket or container. The environment
// returned is what a CLI child process needs to reach it.

import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { createStorage } from '../../src/storage/gcs-store.js';
import { createS3Client } from '../../src/storage/s3-store.js';
import { AZURITE_ACCOUNT } from '../support/emulators/azurite.js';
import { launchMoto } from '../support/emulators/moto.js';
import type { RunningEmulator } from '../support/emulators/types.js';
import { azureEnv, emulator, runtimeEnvWith } from '../support/emulators.js';

export interface Backend {
  name: string;
  /** Whether concurrent compare-and-swaps are atomic, as they are on every real backend. */
  atomicCas: boolean;
  fresh(): Promise<{ storeUrl: string; env: Record<string, string> }>;
}

const unique = (kind: string) => `escher-cli-${kind}-${randomUUID().slice(0, 8)}`;

// The shared moto serves requests on threads and its conditional PUT is check-then-write, so
// two racing writers could both "win" (real S3 cannot); these tests get a moto of their own
// that serves one request at a time, which makes each conditional write atomic as on S3.
let serialMoto: Promise<RunningEmulator> | undefined;

/** Stops what the backends started; each test file calls it in afterAll. */
export async function stopBackends(): Promise<void> {
  const running = serialMoto;
  serialMoto = undefined;
  if (running) await (await running).stop();
}

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
    atomicCas: true,
    async fresh() {
      serialMoto ??= launchMoto({ serial: true });
      const { env } = await serialMoto;
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
  {
    name: 'GCS (fake-gcs-server)',
    atomicCas: true,
    async fresh() {
      const { env } = emulator('fakeGcs');
      const bucket = unique('gs');
      await createStorage(runtimeEnvWith(env)).createBucket(bucket);
      return { storeUrl: `gs://${bucket}/state`, env };
    },
  },
];
