// A small client of the Lambda Runtime API, so the one container image can serve as a Lambda
// function (`escher lambda`): fetch the next invocation, run the handler, post its response
// or error; an init failure is posted to /init/error. Documented in the Lambda developer
// guide, "Using the Lambda runtime API for custom runtimes".

import type { Context } from 'aws-lambda';
import type { Logger } from '../log.js';
import type { LambdaHandler } from './lambda.js';

const VERSION = '2018-06-01';

export interface RuntimeLoopOptions {
  /** host:port from AWS_LAMBDA_RUNTIME_API. */
  api: string;
  log: Logger;
  /** Stop after this many invocations (tests); Lambda itself freezes or kills the process. */
  maxInvocations?: number;
  functionName?: string;
  /** Masks loaded secrets in error bodies, which Lambda keeps in its logs and destinations. */
  redact?: (text: string) => string;
}

function errorBody(err: unknown, redact: (text: string) => string = (t) => t) {
  const e = err instanceof Error ? err : new Error(String(err));
  return redact(JSON.stringify({ errorMessage: e.message, errorType: e.name, stackTrace: [] }));
}

function contextFor(headers: Headers, options: RuntimeLoopOptions): Context {
  const deadline = Number(headers.get('lambda-runtime-deadline-ms') ?? Date.now() + 60_000);
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: options.functionName ?? 'escher',
    functionVersion: '$LATEST',
    invokedFunctionArn: headers.get('lambda-runtime-invoked-function-arn') ?? '',
    memoryLimitInMB: '0',
    awsRequestId: headers.get('lambda-runtime-aws-request-id') ?? '',
    logGroupName: '',
    logStreamName: '',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function reportInitError(
  api: string,
  err: unknown,
  redact?: (text: string) => string,
): Promise<void> {
  await fetch(`http://${api}/${VERSION}/runtime/init/error`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'lambda-runtime-function-error-type': 'Runtime.InitError',
    },
    body: errorBody(err, redact),
  });
}

export async function runLambdaRuntime(handler: LambdaHandler, options: RuntimeLoopOptions): Promise<number> {
  const base = `http://${options.api}/${VERSION}/runtime`;
  const redact = options.redact ?? ((text: string) => text);
  let served = 0;
  while (options.maxInvocations === undefined || served < options.maxInvocations) {
    const next = await fetch(`${base}/invocation/next`);
    const requestId = next.headers.get('lambda-runtime-aws-request-id');
    const text = await next.text();
    if (!next.ok || !requestId)
      throw new Error(`Lambda runtime API answered ${next.status} without a request id`);
    try {
      const response = await handler(JSON.parse(text), contextFor(next.headers, options));
      await fetch(`${base}/invocation/${requestId}/response`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: redact(JSON.stringify(response ?? null)),
      });
    } catch (err) {
      options.log.warn('invocation failed', { requestId, error: err });
      await fetch(`${base}/invocation/${requestId}/error`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'lambda-runtime-function-error-type': 'Unhandled' },
        body: errorBody(err, redact),
      });
    }
    served++;
  }
  return served;
}
