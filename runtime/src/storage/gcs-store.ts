// Google Cloud Storage backend. Versions are object generations: create-only puts send
// ifGenerationMatch: 0, compare-and-swap sends the generation read; a failed precondition
// is HTTP 412. The SDK's automatic retries are off, because a retried conditional write
// whose first attempt landed would report a lost race it actually won. Reads are one
// media GET of our own (see readMedia), not the SDK's streamed download.

import { type ApiError, type Bucket, Storage } from '@google-cloud/storage';
import type { RuntimeEnv } from '../config/env.js';
import type { ObjectInfo, ObjectStore, StoredObject } from './object-store.js';
import { lostRace, missingContainer, otherFailure, rejectedCredentials } from './store-errors.js';
import { joinKey } from './store-url.js';

/** Application Default Credentials, or the emulator named by STORAGE_EMULATOR_HOST (no auth). */
export function createStorage(env: RuntimeEnv): Storage {
  const emulator = env.STORAGE_EMULATOR_HOST?.replace(/\/+$/, '').replace(/\/storage\/v1$/, '');
  const storage = new Storage({
    retryOptions: { autoRetry: false },
    ...(emulator ? { apiEndpoint: emulator, projectId: 'escher-emulator' } : {}),
  });
  // When STORAGE_EMULATOR_HOST is in the process environment the SDK takes it verbatim as
  // the JSON API base and drops the /storage/v1 path; pin the base so both ways agree.
  if (emulator) storage.baseUrl = `${emulator}/storage/v1`;
  return storage;
}

/** An HTTP failure of a media read, shaped like the SDK's ApiError so fail() maps it the same way. */
class MediaReadError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'MediaReadError';
  }
}

function statusOf(err: unknown): number | undefined {
  const code = (err as ApiError | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Reads an object's bytes and generation with one JSON-API media GET. The SDK's download()
 * streams the response through node-fetch, teeny-request and its own validation pipeline,
 * which puts three stream pipelines on one response body: twelve error and close listeners
 * against Node's limit of ten, so every segment read printed a MaxListenersExceededWarning.
 * One buffered GET has no such pipelines, and its X-Goog-Generation header names the
 * generation of exactly these bytes, so body and version cannot come from different writes.
 * The segment layer checks size and CRC-32 of every body it reads.
 */
async function readMedia(
  storage: Storage,
  bucket: string,
  name: string,
  authenticate: boolean,
): Promise<{ body: Uint8Array; generation: string } | undefined> {
  const url = `${storage.baseUrl}/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}?alt=media`;
  const headers = authenticate ? await storage.authClient.getRequestHeaders(url) : new Headers();
  const response = await fetch(url, { headers });
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    throw new MediaReadError(
      response.status,
      `GET ${name}: HTTP ${response.status} ${await response.text()}`,
    );
  }
  const generation = response.headers.get('x-goog-generation');
  const body = new Uint8Array(await response.arrayBuffer());
  if (!generation) throw new MediaReadError(502, `GET ${name}: the response names no X-Goog-Generation`);
  return { body, generation };
}

export class GcsObjectStore implements ObjectStore {
  readonly url: string;
  private readonly bucket: Bucket;
  /** As the SDK decides for its own requests: an emulator's custom endpoint takes no credentials. */
  private readonly authenticate: boolean;

  constructor(
    private readonly storage: Storage,
    private readonly bucketName: string,
    private readonly prefix: string,
  ) {
    this.bucket = storage.bucket(bucketName);
    this.authenticate = !storage.customEndpoint || storage.useAuthWithCustomEndpoint === true;
    this.url = `gs://${bucketName}${prefix ? `/${prefix}` : ''}`;
  }

  /** A 404 names either the object or the bucket; asking about the bucket tells which. */
  private async fail(op: string, err: unknown, key = ''): Promise<Error> {
    const status = statusOf(err);
    if (status === 401 || status === 403) {
      return rejectedCredentials(
        this.url,
        'GOOGLE_APPLICATION_CREDENTIALS or the service account the runner uses',
        err,
      );
    }
    if (status === 412) return lostRace(this.url, key, err);
    if (status === 404 && !(await this.bucketExists()))
      return missingContainer(this.url, 'bucket', this.bucketName, err);
    return otherFailure(this.url, op, status, err);
  }

  private async bucketExists(): Promise<boolean> {
    const [exists] = await this.bucket.exists();
    return exists;
  }

  async check(): Promise<void> {
    let exists: boolean;
    try {
      exists = await this.bucketExists();
    } catch (err) {
      throw await this.fail('check', err);
    }
    if (!exists) throw missingContainer(this.url, 'bucket', this.bucketName, undefined);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const found = await readMedia(
        this.storage,
        this.bucketName,
        joinKey(this.prefix, key),
        this.authenticate,
      );
      if (found) return { body: found.body, version: found.generation };
    } catch (err) {
      throw await this.fail('get', err, key);
    }
    // A 404 names either the object or the bucket.
    if (await this.bucketExists()) return undefined;
    throw missingContainer(this.url, 'bucket', this.bucketName, undefined);
  }

  private async put(key: string, body: Uint8Array, ifGenerationMatch: number): Promise<{ version: string }> {
    const file = this.bucket.file(joinKey(this.prefix, key));
    try {
      await file.save(Buffer.from(body), { resumable: false, preconditionOpts: { ifGenerationMatch } });
      return { version: String(file.metadata.generation) };
    } catch (err) {
      throw await this.fail('put', err, key);
    }
  }

  putIfAbsent(key: string, body: Uint8Array): Promise<{ version: string }> {
    return this.put(key, body, 0);
  }

  async putIfMatch(key: string, body: Uint8Array, version: string): Promise<{ version: string }> {
    const generation = Number(version);
    if (!Number.isSafeInteger(generation) || generation <= 0) throw lostRace(this.url, key, undefined);
    return this.put(key, body, generation);
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const base = this.prefix ? `${this.prefix}/` : '';
    try {
      const [files] = await this.bucket.getFiles({ prefix: base + prefix, autoPaginate: true });
      return files.map((f) => ({
        key: f.name.slice(base.length),
        size: Number(f.metadata.size ?? 0),
        version: String(f.metadata.generation ?? ''),
        ...(f.metadata.updated ? { modified: new Date(f.metadata.updated) } : {}),
      }));
    } catch (err) {
      throw await this.fail('list', err);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.bucket.file(joinKey(this.prefix, key)).delete({ ignoreNotFound: true });
    } catch (err) {
      throw await this.fail('delete', err, key);
    }
  }
}
