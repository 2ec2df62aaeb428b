// CloudTrail management events: "AWS API Call via CloudTrail" from EventBridge, and bare
// CloudTrail records (log files, Lambda batches). Per-service classifiers decide what a
// call means; calls they do not know fall to generic create/modify/delete rules.
// The account is recipientAccountId (the account the call acted in), never
// userIdentity.accountId (the caller's, which differs for cross-account calls).

import type { UnifiedEvent } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, type Json, need, obj, str } from '../fields.js';
import { info } from '../severity.js';
import type { EventSource } from '../source.js';
import type { CallClassifier, CallFinding, TrailCall } from './cloudtrail-call.js';
import { ec2Call } from './cloudtrail-ec2.js';
import { iamCall } from './cloudtrail-iam.js';
import { rdsCall } from './cloudtrail-rds.js';
import { s3Call } from './cloudtrail-s3.js';

const SOURCE = 'aws.cloudtrail';

const CLASSIFIERS: Record<string, CallClassifier> = {
  's3.amazonaws.com': s3Call,
  'ec2.amazonaws.com': ec2Call,
  'iam.amazonaws.com': iamCall,
  'rds.amazonaws.com': rdsCall,
};

export const cloudTrail: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    input['detail-type'] === 'AWS API Call via CloudTrail' ||
    (typeof input.eventName === 'string' &&
      typeof input.eventSource === 'string' &&
      input.eventSource.endsWith('.amazonaws.com')),
  normalise(input) {
    const wrapped = 'detail' in input || input['detail-type'] !== undefined;
    const record = wrapped ? need(obj(input, 'detail'), SOURCE, 'detail') : input;
    const at = wrapped ? 'detail.' : '';
    const service = need(str(record, 'eventSource'), SOURCE, `${at}eventSource`);
    const call: TrailCall = {
      name: need(str(record, 'eventName'), SOURCE, `${at}eventName`),
      params: obj(record, 'requestParameters') ?? {},
      response: obj(record, 'responseElements'),
      account: need(
        str(record, 'recipientAccountId') ?? (wrapped ? str(input, 'account') : undefined),
        SOURCE,
        `${at}recipientAccountId`,
      ),
      region: need(str(record, 'awsRegion') ?? str(input, 'region'), SOURCE, `${at}awsRegion`),
    };
    const eventId = need(str(record, 'eventID'), SOURCE, `${at}eventID`);
    const timestamp = isoTimestamp(record.eventTime ?? input.time, SOURCE, `${at}eventTime`);
    const errorCode = str(record, 'errorCode');
    const findings = CLASSIFIERS[service]?.(call) ?? generic(call, service, record);
    return findings.map((f, i): UnifiedEvent => {
      // A failed call changed nothing: keep it, but do not claim the change happened.
      const finding: CallFinding = errorCode
        ? { ...f, eventType: 'unclassified', baseline: info(`${call.name} failed: ${errorCode}`) }
        : f;
      return buildEvent({
        source: SOURCE,
        vendorId: findings.length === 1 ? eventId : `${eventId}/${i}`,
        provider: 'aws',
        eventType: finding.eventType,
        baseline: finding.baseline,
        accountId: call.account,
        region: finding.region ?? call.region,
        resource: {
          ...finding.resource,
          metadata: {
            ...finding.resource.metadata,
            event_name: call.name,
            event_source: service,
            actor: str(obj(record, 'userIdentity'), 'arn'),
            source_ip: str(record, 'sourceIPAddress'),
            error_code: errorCode,
          },
        },
        timestamp,
        raw: input,
      });
    });
  },
};

const READ_ONLY = /^(Get|Describe|List|Head|Lookup|Search|Select|Batch(Get|Describe))/;

function generic(call: TrailCall, service: string, record: Json): CallFinding[] {
  const first = Array.isArray(record.resources) ? record.resources[0] : undefined;
  const id = str(first, 'ARN') ?? str(first, 'arn') ?? `${service}/${call.name}`;
  const nativeType = str(first, 'type') ?? service;
  const eventType = READ_ONLY.test(call.name)
    ? 'unclassified'
    : /^(Create|Run|Launch|Allocate|Register|Import)/.test(call.name)
      ? 'resource_created'
      : /^(Delete|Terminate|Remove|Deregister|Release)/.test(call.name)
        ? 'resource_deleted'
        : 'resource_modified';
  return [
    { eventType, baseline: info(`${call.name} on ${service}`), resource: { type: 'other', id, nativeType } },
  ];
}
