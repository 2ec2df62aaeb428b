import type { Context, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../src/entry/lambda.js';
import { reportInitError, runLambdaRuntime } from '../../src/entry/lambda-runtime.js';
import { lambdaRuntimeRoutes, lambdaRuntimeState } from '../contract/lambda-runtime.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { collectingLogger } from '../notify/fixtures.js';
import { eventBridge, scripted } from './scripted.js';

const sqsBatch = (...scenarios: string[]): SQSEvent =>
  ({
    Records: scenarios.map((s, i) => ({
      messageId: `m-${i + 1}`,
      body: JSON.stringify(eventBridge(s)),
      eventSource: 'aws:sqs',
    })),
  }) as unknown as SQSEvent;

let server: ContractServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Lambda handler with SQS batches', () => {
  it('reports only the messages worth retrying as batch item failures', async () => {
    const handler = createLambdaHandler(scripted());
    const out = await handler(sqsBatch('done', 'retry', 'bad', 'crash', 'done'), {} as Context);
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-4' }] });
  });

  it('runs each message as its own trigger', async () => {
    const deps = scripted();
    await createLambdaHandler(deps)(sqsBatch('done', 'done'), {} as Context);
    expect(deps.triggers).toEqual([
      { kind: 'event', event: eventBridge('done') },
      { kind: 'event', event: eventBridge('done') },
    ]);
  });
});

describe('Lambda Runtime API client', () => {
  it('fetches each invocation, posts handler results as responses and failures as errors', async () => {
    const state = lambdaRuntimeState([eventBridge('done'), eventBridge('retry'), sqsBatch('retry', 'done')]);
    server = await startContractServer({ routes: lambdaRuntimeRoutes(state) });
    const handler = createLambdaHandler(scripted());
    const served = await runLambdaRuntime(handler, {
      api: server.url.replace('http://', ''),
      log: collectingLogger(),
      maxInvocations: 3,
    });
    expect(served).toBe(3);
    expect(state.responses.get('req-1')).toEqual({
      status: 'done',
      items: [{ id: 'item-1', status: 'done', duplicate: false }],
    });
    expect(state.errors.get('req-2')).toEqual({
      type: 'Unhandled',
      body: {
        errorMessage: 'run should be retried: S3 answered 503',
        errorType: 'RetryableRunError',
        stackTrace: [],
      },
    });
    expect(state.responses.get('req-3')).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
  });

  it('masks loaded secrets in the error it reports', async () => {
    const state = lambdaRuntimeState([eventBridge('retry')]);
    server = await startContractServer({ routes: lambdaRuntimeRoutes(state) });
    await runLambdaRuntime(createLambdaHandler(scripted()), {
      api: server.url.replace('http://', ''),
      log: collectingLogger(),
      maxInvocations: 1,
      redact: (text) => text.replaceAll('S3 answered 503', '[REDACTED]'),
    });
    expect((state.errors.get('req-1')?.body as { errorMessage?: string } | undefined)?.errorMessage).toBe(
      'run should be retried: [REDACTED]',
    );
  });

  it('reports an init failure to /init/error', async () => {
    const state = lambdaRuntimeState([]);
    server = await startContractServer({ routes: lambdaRuntimeRoutes(state) });
    await reportInitError(server.url.replace('http://', ''), new Error('ESCHER_STORE is not set'));
    expect(state.initErrors).toEqual([
      { errorMessage: 'ESCHER_STORE is not set', errorType: 'Error', stackTrace: [] },
    ]);
    expect(server.requests[0]?.headers['lambda-runtime-function-error-type']).toBe('Runtime.InitError');
  });
});
