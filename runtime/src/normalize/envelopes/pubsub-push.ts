// GCP Pub/Sub push deliveries: `{ message: { data: <base64>, messageId, attributes }, subscription }`,
// and the same message inside an Eventarc `google.cloud.pubsub.topic.v1.messagePublished`
// CloudEvent. The data is JSON (a Monitoring incident, an SCC notification, a LogEntry…).

import { need, obj, str } from '../fields.js';
import type { Envelope, Unwrapped } from '../source.js';
import { parseInner } from './parse-json.js';

const SOURCE = 'gcp.pubsub';

export const pubsubPush: Envelope = {
  name: SOURCE,
  recognise: (input) => typeof input.subscription === 'string' && obj(input, 'message') !== undefined,
  unwrap(input) {
    const project = /^projects\/([^/]+)\//.exec(str(input, 'subscription') ?? '')?.[1];
    return [
      { ...decodeMessage(obj(input, 'message'), 'message'), origin: { provider: 'gcp', account: project } },
    ];
  },
};

export const pubsubCloudEvent: Envelope = {
  name: 'gcp.pubsub-cloudevent',
  recognise: (input) =>
    input.type === 'google.cloud.pubsub.topic.v1.messagePublished' && typeof input.specversion === 'string',
  unwrap(input) {
    const project = /^\/\/pubsub\.googleapis\.com\/projects\/([^/]+)\//.exec(str(input, 'source') ?? '')?.[1];
    return [
      {
        ...decodeMessage(obj(obj(input, 'data'), 'message'), 'data.message'),
        origin: { provider: 'gcp', account: project },
      },
    ];
  },
};

function decodeMessage(message: Record<string, unknown> | undefined, at: string): Unwrapped {
  const data = need(str(message, 'data'), SOURCE, `${at}.data`);
  const text = Buffer.from(data, 'base64').toString('utf8');
  return { value: parseInner(text, SOURCE, `${at}.data`), path: `${at}.data` };
}
