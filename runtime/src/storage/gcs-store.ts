// Google Cloud Storage backend. Versions are object generations: create-only puts send
// ifGenerationMatch: 0, compare-and-swap sends the generation read; a failed precondition
// is HTTP 412. The SDK's automatic retries are off, because a retried conditional write
// whose first attempt landed would report a lost race it actually won.

import { type ApiError, type Bucket, Storage } from '@google-cloud/storage';
import type { RuntimeEnv } from '../config/env.js';
import type { ObjectInfo, ObjectStore, StoredObject } from './object-store.js';
import { lostRace, missingContainer, otherFailure, rejectedCredentials } from './store-errors.js';
import { joinKey } from './store-url.js';

/** Application Default Credentials, or the emulator named by STORAGE_EMULATOR_HOST (no auth). */
export function createStorage(env: RuntimeEnv): Storage {
  return new Storage({
    retryOptions: { autoRetry: false },
    ...(env.STORAGE_EMULATOR_HOST
      ? { apiEndpoint: env.STORAGE_EMULATOR_HOST, projectId: 'escher-emulator' }
      : {}),
  });
}

function statusOf(err: unknown): number | undefined {
  const code = (err as ApiError | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

export class GcsObjectStore implements ObjectStore {
  readonly url: string;
  private readonly bucket: Bucket;

  constructor(
    storage: Storage,
    private readonly bucketName: string,
    private readonly prefix: string,
  ) {
    this.bucket = storage.bucket(bucketName);
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
    const name = joinKey(this.prefix, key);
    try {
      const [metadata] = await this.bucket.file(name).getMetadata();
      // Reading that exact generation keeps body and version consistent under concurrent writers.
      const [body] = await this.bucket.file(name, { generation: metadata.generation ?? 0 }).download();
      return { body: new Uint8Array(body), version: String(metadata.generation) };
    } catch (err) {
      if (statusOf(err) === 404 && (await this.bucketExists())) return undefined;
      throw await this.fail('get', err, key);
    }
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
