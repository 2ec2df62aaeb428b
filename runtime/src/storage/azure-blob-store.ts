// Azure Blob Storage backend. Create-only puts send If-None-Match: *, compare-and-swap
// sends If-Match: <ETag>; the service answers 409 BlobAlreadyExists or 412 ConditionNotMet.

import { Readable } from 'node:stream';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError } from '../errors.js';
import type { ObjectInfo, ObjectStore, StoredObject } from './object-store.js';
import { readBody } from './read-body.js';
import { lostRace, missingContainer, otherFailure, rejectedCredentials } from './store-errors.js';
import { joinKey } from './store-url.js';

const AUTH_CODES = new Set([
  'AuthenticationFailed',
  'AuthorizationFailure',
  'AuthorizationPermissionMismatch',
  'InvalidAuthenticationInfo',
]);

/** A connection string (Azurite, account keys) when set; otherwise Entra ID through DefaultAzureCredential. */
export function createBlobServiceClient(env: RuntimeEnv, account: string): BlobServiceClient {
  const connection = env.AZURE_STORAGE_CONNECTION_STRING;
  if (!connection)
    return new BlobServiceClient(`https://${account}.blob.core.windows.net`, new DefaultAzureCredential());
  const named = /(?:^|;)AccountName=([^;]+)/.exec(connection)?.[1];
  if (named && named !== account) {
    throw new ConfigError(
      `AZURE_STORAGE_CONNECTION_STRING is for account "${named}" but the store names "${account}"`,
      {
        hint: 'make ESCHER_STORE and AZURE_STORAGE_CONNECTION_STRING name the same storage account',
      },
    );
  }
  return BlobServiceClient.fromConnectionString(connection);
}

/** The whole body; straight into one buffer when the length is announced (it always is for a blob). */
async function readAll(
  stream: NodeJS.ReadableStream | undefined,
  length: number | undefined,
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  if (length !== undefined && stream instanceof Readable)
    return readBody(stream, length, 'Azure Blob Storage');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export class AzureBlobObjectStore implements ObjectStore {
  readonly url: string;
  private readonly container: ContainerClient;

  constructor(
    service: BlobServiceClient,
    account: string,
    private readonly containerName: string,
    private readonly prefix: string,
  ) {
    this.container = service.getContainerClient(containerName);
    this.url = `az://${account}/${containerName}${prefix ? `/${prefix}` : ''}`;
  }

  private fail(op: string, err: unknown, key = ''): Error {
    const status = err instanceof RestError ? err.statusCode : undefined;
    const code = err instanceof RestError ? String(err.code ?? '') : '';
    if (code === 'ContainerNotFound') return missingContainer(this.url, 'container', this.containerName, err);
    if (AUTH_CODES.has(code) || status === 401 || status === 403) {
      return rejectedCredentials(
        this.url,
        'AZURE_STORAGE_CONNECTION_STRING or the identity the runner uses',
        err,
      );
    }
    if (status === 409 || status === 412) return lostRace(this.url, key, err);
    return otherFailure(this.url, op, status, err);
  }

  async check(): Promise<void> {
    await this.container.getProperties().catch((err) => {
      throw this.fail('check', err);
    });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const res = await this.container.getBlobClient(joinKey(this.prefix, key)).download();
      return { body: await readAll(res.readableStreamBody, res.contentLength), version: res.etag ?? '' };
    } catch (err) {
      if (err instanceof RestError && err.code === 'BlobNotFound') return undefined;
      throw this.fail('get', err, key);
    }
  }

  private async put(
    key: string,
    body: Uint8Array,
    conditions: { ifNoneMatch: string } | { ifMatch: string },
  ) {
    try {
      const res = await this.container
        .getBlockBlobClient(joinKey(this.prefix, key))
        .upload(body, body.byteLength, { conditions });
      return { version: res.etag ?? '' };
    } catch (err) {
      throw this.fail('put', err, key);
    }
  }

  putIfAbsent(key: string, body: Uint8Array): Promise<{ version: string }> {
    return this.put(key, body, { ifNoneMatch: '*' });
  }

  putIfMatch(key: string, body: Uint8Array, version: string): Promise<{ version: string }> {
    return this.put(key, body, { ifMatch: version });
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const base = this.prefix ? `${this.prefix}/` : '';
    const out: ObjectInfo[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix: base + prefix })) {
        out.push({
          key: blob.name.slice(base.length),
          size: blob.properties.contentLength ?? 0,
          version: blob.properties.etag ?? '',
          modified: blob.properties.lastModified,
        });
      }
    } catch (err) {
      throw this.fail('list', err);
    }
    return out;
  }

  async delete(key: string): Promise<void> {
    await this.container
      .getBlobClient(joinKey(this.prefix, key))
      .deleteIfExists()
      .catch((err) => {
        throw this.fail('delete', err, key);
      });
  }
}
