// "GuardDuty Finding" events. The finding's own accountId and region name the affected
// account (with a delegated administrator, EventBridge `account` is the administrator's).

import type { ResourceType } from '@escher/shared';
import { buildEvent, tagsFrom } from '../build-event.js';
import { arr, bool, isoTimestamp, type Json, need, num, obj, str } from '../fields.js';
import { fromGuardDutyScore, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';

const SOURCE = 'aws.guardduty';

export const guardDuty: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    isEventBridge(input, 'aws.guardduty', ['GuardDuty Finding']) ||
    // Findings exported to S3 are the bare finding: the EventBridge detail without its envelope.
    (typeof input.schemaVersion === 'string' && obj(input, 'service')?.serviceName === 'guardduty'),
  normalise(input) {
    const wrapped = 'detail' in input;
    const base = wrapped ? eventBridgeBase(input, SOURCE) : undefined;
    const d = base?.detail ?? input;
    const at = wrapped ? 'detail.' : '';
    const findingId = need(str(d, 'id'), SOURCE, `${at}id`);
    const score = need(num(d, 'severity'), SOURCE, `${at}severity`);
    const archived = bool(obj(d, 'service'), 'archived') === true;
    const updated = str(d, 'updatedAt');
    const subject = subjectOf(obj(d, 'resource') ?? {}, findingId);
    return [
      buildEvent({
        source: SOURCE,
        vendorId: `${findingId}@${updated ?? base?.time ?? ''}`,
        provider: 'aws',
        eventType: archived ? 'security_finding_resolved' : 'security_finding',
        baseline: archived ? info('finding archived') : fromGuardDutyScore(score),
        accountId: need(str(d, 'accountId'), SOURCE, `${at}accountId`),
        region: need(str(d, 'region') ?? base?.region, SOURCE, `${at}region`),
        resource: {
          ...subject,
          metadata: { finding_id: findingId, finding_type: str(d, 'type'), title: str(d, 'title') },
        },
        timestamp: updated
          ? isoTimestamp(updated, SOURCE, `${at}updatedAt`)
          : need(base?.time, SOURCE, `${at}updatedAt`),
        raw: input,
      }),
    ];
  },
};

interface Subject {
  type: ResourceType;
  id: string;
  name?: string;
  nativeType: string;
  tags?: Record<string, string>;
}

function subjectOf(resource: Json, findingId: string): Subject {
  const nativeType = str(resource, 'resourceType') ?? 'Unknown';
  const instance = obj(resource, 'instanceDetails');
  const instanceId = str(instance, 'instanceId');
  if (nativeType === 'Instance' && instanceId) {
    return { type: 'compute_instance', id: instanceId, nativeType, tags: tagsFrom(arr(instance, 'tags')) };
  }
  const key = obj(resource, 'accessKeyDetails');
  if (nativeType === 'AccessKey' && key) {
    const user = str(key, 'userName');
    const keyId = str(key, 'accessKeyId') ?? str(key, 'principalId') ?? user ?? findingId;
    return { type: 'iam_principal', id: keyId, name: user, nativeType };
  }
  const bucketDetails = arr(resource, 's3BucketDetails')?.[0];
  const bucketName = str(bucketDetails, 'name');
  if (nativeType === 'S3Bucket' && bucketName) {
    return {
      type: 'object_storage',
      id: str(bucketDetails, 'arn') ?? `arn:aws:s3:::${bucketName}`,
      name: bucketName,
      nativeType,
    };
  }
  return { type: 'other', id: findingId, nativeType };
}
