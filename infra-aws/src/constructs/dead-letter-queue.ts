// A dead-letter queue: what could not be delivered or processed is kept here for two weeks
// (an alarm fires on the first message), never silently dropped.

import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

export const DEAD_LETTER_RETENTION = Duration.days(14);

export function deadLetterQueue(scope: Construct, id: string, queueName: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    queueName,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  acknowledge(
    queue,
    'This queue is itself a dead-letter queue; its messages are alarmed on.',
    'AwsSolutions-SQS3',
  );
  return queue;
}
