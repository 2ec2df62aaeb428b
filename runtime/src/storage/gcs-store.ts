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

/** How often get() re-reads when a concurrent writer replaces the generation it saw. */
const GET_ATTEMPTS = 5;

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
    for (let attempt = 1; ; attempt++) {
      let generation: string | number | undefined;
      try {
        const [metadata] = await this.bucket.file(name).getMetadata();
        generation = metadata.generation ?? 0;
        // Reading that exact generation keeps body and version consistent under concurrent writers.
        const [body] = await this.bucket.file(name, { generation }).download();
        return { body: new Uint8Array(body), version: String(generation) };
      } catch (err) {
        // The generation we saw was replaced between the two reads: read the newer one.
        if (statusOf(err) === 404 && generation !== undefined && attempt < GET_ATTEMPTS) continue;
        if (statusOf(err) === 404 && generation === undefined && (await this.bucketExists()))
          return undefined;
        throw await this.fail('get', err, key);
      }
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
