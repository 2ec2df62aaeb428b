// An SNS notification (HTTP/S delivery, SQS subscription without raw delivery, or the
// `Sns` part of a Lambda record) whose Message is JSON. Text messages (e.g. AWS Budgets
// alerts) are not unwrapped: a source reads them as they are.

import { str } from '../fields.js';
import type { Envelope } from '../source.js';
import { originOf } from './lambda-records.js';
import { looksLikeJson, parseInner } from './parse-json.js';

export const snsNotification: Envelope = {
  name: 'aws.sns',
  recognise(input) {
    const message = input.Message;
    return input.Type === 'Notification' && typeof message === 'string' && looksLikeJson(message);
  },
  unwrap(input) {
    const message = str(input, 'Message') ?? '';
    const origin = originOf(str(input, 'TopicArn'));
    return [{ value: parseInner(message, 'sns', 'Message'), path: 'Message', origin }];
  },
};
