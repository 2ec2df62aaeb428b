// The fallback for well-formed events no normaliser knows: kept whole as `unclassified`,
// with provider, account, region and time inferred where the event says them.

import { createHash } from 'node:crypto';
import { type CloudProvider, UNKNOWN, type UnifiedEvent } from '@escher/shared';
import { arnParts } from './aws/eventbridge.js';
import { buildEvent } from './build-event.js';
import { MalformedEventError } from './errors.js';
import { isoTimestamp, type Json, obj, str } from './fields.js';
import type { Origin } from './source.js';

const SOURCE = 'unclassified';

export function unclassified(input: Json, now: () => Date, origin?: Origin): UnifiedEvent[] {
  let serialised: string;
  try {
    serialised = JSON.stringify(input);
  } catch (cause) {
    throw new MalformedEventError('event cannot be serialised (too deeply nested?)', {
      source: SOURCE,
      field: '',
      cause,
    });
  }
  const provider = providerByKeys(input) ?? origin?.provider ?? providerByContent(serialised);
  if (provider === undefined) {
    throw new MalformedEventError('event names no cloud: no AWS, Azure or GCP marker found', {
      source: SOURCE,
      field: '',
    });
  }
  const digest = createHash('sha256').update(serialised).digest('hex').slice(0, 32);
  const sameCloud = origin?.provider === provider ? origin : undefined;
  const accountId = accountOf(input, provider) ?? sameCloud?.account ?? UNKNOWN;
  return [
    buildEvent({
      source: SOURCE,
      vendorId: str(input, 'id') ?? digest,
      provider,
      eventType: 'unclassified',
      baseline: { severity: 'INFO', reason: 'no normaliser knows this event; reviewed as information' },
      accountId,
      region: regionOf(input) ?? sameCloud?.region ?? UNKNOWN,
      resource: { type: 'other', id: str(input, 'subject') ?? digest, nativeType: kindOf(input) },
      timestamp: timeOf(input, now),
      raw: input,
    }),
  ];
}

function providerByKeys(input: Json): CloudProvider | undefined {
  if ('detail-type' in input || 'awsRegion' in input || 'TopicArn' in input) return 'aws';
  if ('topic' in input || 'schemaId' in input) return 'azure';
  if ('logName' in input || 'protoPayload' in input) return 'gcp';
  const type = str(input, 'type') ?? str(input, 'eventType') ?? '';
  if (type.startsWith('Microsoft.')) return 'azure';
  if (type.startsWith('google.')) return 'gcp';
  const source = str(input, 'source') ?? '';
  if (source.startsWith('aws.')) return 'aws';
  return undefined;
}

function providerByContent(text: string): CloudProvider | undefined {
  if (text.includes('arn:aws')) return 'aws';
  if (text.includes('/subscriptions/')) return 'azure';
  if (text.includes('projects/') || text.includes('googleapis.com')) return 'gcp';
  return undefined;
}

function accountOf(input: Json, provider: CloudProvider): string | undefined {
  if (provider === 'aws') {
    const topic = str(input, 'TopicArn');
    const fromTopic = topic === undefined ? undefined : arnParts(topic)?.account;
    return str(input, 'account') ?? str(input, 'recipientAccountId') ?? (fromTopic || undefined);
  }
  if (provider === 'azure') {
    const where = str(input, 'topic') ?? str(input, 'source') ?? str(input, 'subject') ?? '';
    return /\/subscriptions\/([^/]+)/i.exec(where)?.[1];
  }
  return str(obj(obj(input, 'resource'), 'labels'), 'project_id');
}

function regionOf(input: Json): string | undefined {
  const topic = str(input, 'TopicArn');
  const fromTopic = topic === undefined ? undefined : arnParts(topic)?.region;
  return (
    str(input, 'region') ?? str(input, 'awsRegion') ?? str(input, 'location') ?? (fromTopic || undefined)
  );
}

function kindOf(input: Json): string {
  return str(input, 'detail-type') ?? str(input, 'eventType') ?? str(input, 'type') ?? 'unknown';
}

function timeOf(input: Json, now: () => Date): string {
  for (const key of ['time', 'eventTime', 'timestamp', 'Timestamp', 'publishTime']) {
    const value = input[key];
    if (value === undefined) continue;
    try {
      return isoTimestamp(value, SOURCE, key);
    } catch {
      // An unreadable time on an unknown event is not worth losing the event for: use now.
    }
  }
  return now().toISOString();
}
