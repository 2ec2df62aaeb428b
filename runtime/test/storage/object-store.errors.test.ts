// Bad input to the object stores: an unknown URL scheme, a bucket that does not exist and
// rejected credentials each end in one ConfigError line saying what to fix (exit status 2
// at the CLI), and nothing is written.

import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createStorage } from '../../src/storage/gcs-store.js';
import { openObjectStore } from '../../src/storage/open-store.js';
import { createS3Client } from '../../src/storage/s3-store.js';
import { startContractServer } from '../contract/server.js';
import { AZURITE_ACCOUNT, azuriteConnectionString } from '../support/emulators/azurite.js';
import { awsEnv, azureEnv, gcpEnv, runtimeEnvWith } from '../support/emulators.js';
import { uniqueName } from './backends.js';

const body = new TextEncoder().encode('{}');

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  const error = err as ConfigError;
  expect(error.exitCode).toBe(2);
  expect(error.toUserMessage()).not.toContain('\n');
  return error;
}

describe('openObjectStore with an unknown scheme', () => {
  it('names the scheme and the supported forms', async () => {
    const err = await configError(openObjectStore('ftp://bucket/state', runtimeEnvWith({})));
    expect(err.toUserMessage()).toBe(
      'store URL "ftp://bucket/state" has the unknown scheme "ftp" (use s3://bucket/prefix, az://account/container/prefix, gs://bucket/prefix or file:///path)',
    );
  });
});

describe('a bucket that does not exist', () => {
  it('S3: check and put name the bucket, and no bucket appears', async () => {
    const env = runtimeEnvWith(awsEnv());
    const bucket = uniqueName('missing');
    const store = await openObjectStore(`s3://${bucket}/state`, env);
    const err = await configError(store.check());
    expect(err.toUserMessage()).toBe(
      `bucket "${bucket}" of store s3://${bucket}/state does not exist (create the bucket "${bucket}" or point ESCHER_STORE at one that exists)`,
    );
    await configError(store.putIfAbsent('HEAD', body));
    await expect(createS3Client(env).send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('Azure: check and put name the container, and no container appears', async () => {
    const env = runtimeEnvWith(azureEnv());
    const container = uniqueName('missing');
    const store = await openObjectStore(`az://${AZURITE_ACCOUNT}/${container}/state`, env);
    const err = await configError(store.check());
    expect(err.message).toBe(
      `container "${container}" of store az://${AZURITE_ACCOUNT}/${container}/state does not exist`,
    );
    await configError(store.putIfAbsent('HEAD', body));
    const service = BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING ?? '');
    expect(await service.getContainerClient(container).exists()).toBe(false);
  });

  it('GCS: check and put name the bucket, and no bucket appears', async () => {
    const env = runtimeEnvWith(gcpEnv());
    const bucket = uniqueName('missing');
    const store = await openObjectStore(`gs://${bucket}/state`, env);
    const err = await configError(store.check());
    expect(err.message).toBe(`bucket "${bucket}" of store gs://${bucket}/state does not exist`);
    await configError(store.putIfAbsent('HEAD', body));
    expect((await createStorage(env).bucket(bucket).exists())[0]).toBe(false);
  });
});

describe('rejected credentials', () => {
  it('Azure: a wrong account key names AZURE_STORAGE_CONNECTION_STRING and writes nothing', async () => {
    const good = runtimeEnvWith(azureEnv());
    const container = uniqueName('auth');
    const service = BlobServiceClient.fromConnectionString(good.AZURE_STORAGE_CONNECTION_STRING ?? '');
    await service.getContainerClient(container).create();
    const endpoint = /BlobEndpoint=(http[^;]+)\//.exec(good.AZURE_STORAGE_CONNECTION_STRING ?? '')?.[1] ?? '';
    const wrongKey = Buffer.from('not-the-account-key').toString('base64');
    const bad = runtimeEnvWith({
      AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(endpoint, wrongKey),
    });

    const store = await openObjectStore(`az://${AZURITE_ACCOUNT}/${container}/state`, bad);
    const err = await configError(store.putIfAbsent('HEAD', body));
    expect(err.toUserMessage()).toBe(
      `the credentials for store az://${AZURITE_ACCOUNT}/${container}/state were rejected (fix AZURE_STORAGE_CONNECTION_STRING or the identity the runner uses)`,
    );
    const blobs = [];
    for await (const blob of service.getContainerClient(container).listBlobsFlat()) blobs.push(blob.name);
    expect(blobs).toEqual([]);
  });

  it('Azure: a connection string for another account is refused before any request', async () => {
    const err = await configError(openObjectStore('az://otheraccount/state', runtimeEnvWith(azureEnv())));
    expect(err.message).toBe(
      'AZURE_STORAGE_CONNECTION_STRING is for account "devstoreaccount1" but the store names "otheraccount"',
    );
  });

  it('S3: InvalidAccessKeyId names the AWS credentials', async () => {
    // moto accepts any key, so a server speaking S3's documented 403 error answers instead.
    const s3 = await startContractServer({ routes: [] });
    s3.injectFaults({
      response: {
        status: 403,
        headers: { 'content-type': 'application/xml' },
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>',
      },
    });
    try {
      const env = runtimeEnvWith({ ...awsEnv(), AWS_ENDPOINT_URL: s3.url });
      const store = await openObjectStore('s3://bucket/state', env);
      const err = await configError(store.putIfAbsent('HEAD', body));
      expect(err.hint).toBe('fix AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the IAM role the runner uses');
      expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /bucket/state/HEAD']);
    } finally {
      await s3.close();
    }
  });

  it('GCS: HTTP 401 names the service account credentials', async () => {
    // fake-gcs-server does not authenticate; this server answers as GCS does to a bad token.
    const gcs = await startContractServer({ routes: [] });
    gcs.injectFaults({
      response: { status: 401, body: { error: { code: 401, message: 'Invalid Credentials', errors: [] } } },
    });
    try {
      const store = await openObjectStore(
        'gs://bucket/state',
        runtimeEnvWith({ STORAGE_EMULATOR_HOST: gcs.url }),
      );
      const err = await configError(store.putIfAbsent('HEAD', body));
      expect(err.hint).toBe('fix GOOGLE_APPLICATION_CREDENTIALS or the service account the runner uses');
      expect(gcs.requests).toHaveLength(1);
    } finally {
      await gcs.close();
    }
  });
});
