// The S3Client for one target's account and region, built once per run.

import { S3Client } from '@aws-sdk/client-s3';
import type { AwsRemediationClients } from './clients.js';

const cache = new WeakMap<AwsRemediationClients, S3Client>();

export function s3Of(c: AwsRemediationClients): S3Client {
  let client = cache.get(c);
  if (!client) {
    // Emulators serve buckets by path, not by virtual host.
    client = new S3Client({ forcePathStyle: Boolean(c.endpoint), ...c });
    cache.set(c, client);
  }
  return client;
}
