// The AWS Lambda handler, wrapped with middy. SQS batches report partial failures through
// @middy/sqs-partial-batch-failure (only messages worth retrying go back to the queue);
// anything else (an EventBridge event, a scheduler's Trigger) is one input whose retryable
// failure is thrown, so Lambda's async retries and on-failure destination take over.

import middy from '@middy/core';
import sqsPartialBatchFailure from '@middy/sqs-partial-batch-failure';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { EscherError } from '../errors.js';
import type { EntryDeps } from './entry-deps.js';
import { runInput, summarize } from './run-input.js';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** A retryable outcome, thrown so Lambda (or the SQS middleware) retries the input. */
export class RetryableRunError extends Error {
  override name = 'RetryableRunError';
  constructor(readonly reasons: EscherError[]) {
    super(`run should be retried: ${reasons.map((r) => r.message).join('; ')}`);
  }
}

const isSqsBatch = (event: unknown): event is SQSEvent =>
  Array.isArray((event as SQSEvent)?.Records) && (event as SQSEvent).Records[0]?.eventSource === 'aws:sqs';

async function runOne(raw: unknown, deps: EntryDeps) {
  const result = await runInput(raw, deps);
  // bad_input is already dead-lettered in the state; retrying cannot make it good.
  if (result.status === 'retry') {
    throw new RetryableRunError(result.items.flatMap((i) => (i.status === 'retry' ? [i.error] : [])));
  }
  return summarize(result);
}

export function createLambdaHandler(deps: EntryDeps): LambdaHandler {
  const batch = middy<SQSEvent, SQSBatchResponse>()
    .use(
      sqsPartialBatchFailure({
        logger: (reason: unknown, record: { messageId?: string }) =>
          deps.log.warn('sqs message will be retried', { messageId: record.messageId, error: reason }),
      }),
    )
    .handler(async (event) => {
      // Settled results in record order: the middleware turns rejections into batchItemFailures.
      const settled = await Promise.allSettled(event.Records.map((record) => runOne(record.body, deps)));
      return settled as unknown as SQSBatchResponse;
    });
  const single = middy<unknown, unknown>().handler((event) => runOne(event, deps));

  return (event, context) => (isSqsBatch(event) ? batch(event, context) : single(event, context));
}
