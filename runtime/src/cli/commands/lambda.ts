// `escher lambda`: the image as an AWS Lambda function. Speaks the Lambda Runtime API at
// AWS_LAMBDA_RUNTIME_API and serves invocations with the middy-wrapped handler until Lambda
// stops the process; a failure while starting is reported as an init error.

import type { Command } from 'commander';
import { entryRuntime } from '../../entry/from-cli.js';
import { createLambdaHandler } from '../../entry/lambda.js';
import { reportInitError, runLambdaRuntime } from '../../entry/lambda-runtime.js';
import { ConfigError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

export const lambdaCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  program
    .command('lambda')
    .description('serve AWS Lambda invocations through the Lambda Runtime API')
    .action(async () => {
      const c = ctx();
      const api = c.env.AWS_LAMBDA_RUNTIME_API;
      if (!api) {
        throw new ConfigError('AWS_LAMBDA_RUNTIME_API is not set', {
          hint: 'escher lambda runs inside AWS Lambda only',
        });
      }
      let handler: ReturnType<typeof createLambdaHandler>;
      try {
        handler = createLambdaHandler((await entryRuntime(c)).deps);
      } catch (err) {
        await reportInitError(api, err, (t) => c.redactor.redact(t));
        throw err;
      }
      await runLambdaRuntime(handler, {
        api,
        log: c.log,
        redact: (t) => c.redactor.redact(t),
        ...(c.env.AWS_LAMBDA_FUNCTION_NAME ? { functionName: c.env.AWS_LAMBDA_FUNCTION_NAME } : {}),
      });
    });
};
