// Lambda batch deliveries and CloudTrail log files: `{ Records: [...] }`. SQS records
// carry the payload as JSON text in `body`, SNS records as a notification in `Sns`;
// any other record (CloudTrail, S3…) is itself the payload.

import { arnParts } from '../aws/eventbridge.js';
import { type Json, str } from '../fields.js';
import type { Envelope, Origin, Unwrapped } from '../source.js';
import { attempt, parseInner } from './parse-json.js';

export const lambdaRecords: Envelope = {
  name: 'aws.lambda-records',
  recognise: (input) => Array.isArray(input.Records),
  unwrap(input) {
    const records = input.Records as unknown[];
    return records.map((record, i): Unwrapped => {
      const at = `Records[${i}]`;
      const kind = str(record, 'eventSource') ?? str(record, 'EventSource');
      const rec = record as Json;
      if (kind === 'aws:sqs' && typeof rec.body === 'string') {
        const origin = originOf(str(rec, 'eventSourceARN'));
        // One unreadable body must not sink the other records of the batch.
        const { value, error } = attempt(() => parseInner(rec.body as string, 'sqs', `${at}.body`));
        return { value, error, path: `${at}.body`, origin };
      }
      if (kind === 'aws:sns' && rec.Sns !== undefined) {
        return { value: rec.Sns, path: `${at}.Sns`, origin: originOf(str(rec, 'EventSubscriptionArn')) };
      }
      return { value: record, path: at, origin: { provider: 'aws' } };
    });
  },
};

export function originOf(arn: string | undefined): Origin {
  const parts = arn === undefined ? undefined : arnParts(arn);
  return { provider: 'aws', account: parts?.account || undefined, region: parts?.region || undefined };
}
