// Amazon S3 backend. Create-only puts send If-None-Match: *, compare-and-swap sends
// If-Match: <ETag>; S3 answers 412 when the condition fails and 409 when a concurrent
// conditional write to the same key is in flight, and both mean another writer won.

import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { awsErrorCode, runnerAwsConfig } from '../clouds/aws/runner-client-config.js';
import type { RuntimeEnv } from '../config/env.js';
import type { ObjectInfo, ObjectStore, StoredObject } from './object-store.js';
import { readBody } from './read-body.js';
import { lostRace, missingContainer, otherFailure, rejectedCredentials } from './store-errors.js';
import { joinKey } from './store-url.js';

const AUTH_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'AccessDenied',
]);
const CREDENTIALS = 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the IAM role the runner uses';

/** The client for the runner's own account; path-style when an endpoint override (moto) is set. */
export function createS3Client(env: RuntimeEnv): S3Client {
  const config = runnerAwsConfig(env);
  return new S3Client({
    ...config,
    ...(config.endpoint ? { forcePathStyle: true } : {}),
    // Every object this store reads is checked by its reader (segments: size and CRC-32 from
    // the manifest; the manifest: its schema), so the SDK's second checksum pass over large
    // bodies is skipped unless S3 requires it.
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export class S3ObjectStore implements ObjectStore {
  readonly url: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {
    this.url = `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
  }

  private fail(op: string, err: unknown, key = ''): Error {
    const { code: name, status } = awsErrorCode(err);
    if (name === 'NoSuchBucket' || (op === 'check' && status === 404))
      return missingContainer(this.url, 'bucket', this.bucket, err);
    if (AUTH_ERRORS.has(name) || status === 403) return rejectedCredentials(this.url, CREDENTIALS, err);
    if (status === 412 || status === 409 || name === 'PreconditionFailed')
      return lostRace(this.url, key, err);
    // If-Match on a key that no longer exists answers 404 NoSuchKey: the version read is gone.
    if (op === 'put' && name === 'NoSuchKey') return lostRace(this.url, key, err);
    return otherFailure(this.url, op, status, err);
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket })).catch((err) => {
      throw this.fail('check', err);
    });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: joinKey(this.prefix, key) }),
      );
      const stream = out.Body;
      const body = !stream
        ? new Uint8Array()
        : out.ContentLength !== undefined && stream instanceof Readable
          ? await readBody(stream, out.ContentLength, 'S3')
          : await stream.transformToByteArray();
      return { body, version: out.ETag ?? '' };
    } catch (err) {
      if (awsErrorCode(err).code === 'NoSuchKey') return undefined;
      throw this.fail('get', err, key);
    }
  }

  private async put(key: string, body: Uint8Array, condition: { IfNoneMatch: string } | { IfMatch: string }) {
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: joinKey(this.prefix, key),
          Body: body,
          ...condition,
        }),
      );
      return { version: out.ETag ?? '' };
    } catch (err) {
      throw this.fail('put', err, key);
    }
  }

  putIfAbsent(key: string, body: Uint8Array): Promise<{ version: string }> {
    return this.put(key, body, { IfNoneMatch: '*' });
  }

  putIfMatch(key: string, body: Uint8Array, version: string): Promise<{ version: string }> {
    return this.put(key, body, { IfMatch: version });
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const base = this.prefix ? `${this.prefix}/` : '';
    const out: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.client
        .send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: base + prefix, ContinuationToken: token }),
        )
        .catch((err) => {
          throw this.fail('list', err);
        });
      for (const item of page.Contents ?? []) {
        if (!item.Key) continue;
        out.push({
          key: item.Key.slice(base.length),
          size: item.Size ?? 0,
          version: item.ETag ?? '',
          ...(item.LastModified ? { modified: item.LastModified } : {}),
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async delete(key: string): Promise<void> {
    await this.client
      .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: joinKey(this.prefix, key) }))
      .catch((err) => {
        throw this.fail('delete', err, key);
      });
  }
}
