// Seeds estate records the way collectors write them.

import { type EstateResourceInput, EstateResourceSchema, estateRecordId } from '@escher/shared';
import type { RunnerState } from '../../../src/pipeline/state.js';
import { ACCOUNT, REGION } from './moto.js';

export async function seedBucket(
  state: RunnerState,
  bucket: string,
  tags: Record<string, string>,
): Promise<void> {
  const input: EstateResourceInput = {
    cloud_provider: 'aws',
    resource_type: 'object_storage',
    account_id: ACCOUNT,
    region: REGION,
    resource_id: `arn:aws:s3:::${bucket}`,
    name: bucket,
    tags,
  };
  const resource = EstateResourceSchema.parse(input);
  await state.putRecord('cloud_estate', estateRecordId(resource), resource);
}
