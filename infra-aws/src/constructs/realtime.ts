// The real-time path: EventBridge rules for the supported cloud events, each delivering
// the original event to a Lambda function that runs the runner image (`escher lambda`).
// Failed deliveries and failed invocations land in one dead-letter queue, never dropped.

import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCES } from '../event-sources.js';
import type { RunnerImage } from './runner-image.js';

export interface RealtimePathProps {
  namePrefix: string;
  image: RunnerImage;
  role: iam.IRole;
  environment: Record<string, string>;
  deadLetterQueue: sqs.IQueue;
  logRetention: logs.RetentionDays;
  /** Caps parallel runs so an event storm cannot exhaust the account's concurrency or the AI quota. */
  reservedConcurrency: number;
}

/** Lambda refuses environments above 4 KB; a large config must fail at synth, not at deploy. */
export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;
export const LAMBDA_RETRY_ATTEMPTS = 2;
export const RULE_RETRY_ATTEMPTS = 8;

export class RealtimePath extends Construct {
  readonly function: lambda.DockerImageFunction;
  readonly rules: events.Rule[];

  constructor(scope: Construct, id: string, props: RealtimePathProps) {
    super(scope, id);
    assertEnvironmentFits(props.environment);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/escher/${props.namePrefix}/realtime`,
      retention: props.logRetention,
    });
    logGroup.grantWrite(props.role);
    this.function = new lambda.DockerImageFunction(this, 'Function', {
      functionName: `${props.namePrefix}-realtime`,
      description: 'Escher runner, real-time path: one cloud event per invocation',
      code: props.image.lambdaCode(['lambda']),
      role: props.role,
      memorySize: 2048,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: props.environment,
      logGroup,
      onFailure: new destinations.SqsDestination(props.deadLetterQueue),
      retryAttempts: LAMBDA_RETRY_ATTEMPTS,
      maxEventAge: Duration.hours(6),
    });
    this.rules = EVENT_SOURCES.map(
      (source) =>
        new events.Rule(this, `Rule${source.id}`, {
          ruleName: `${props.namePrefix}-${source.id}`,
          description: source.description,
          eventPattern: source.pattern(props.namePrefix),
          // No `event` input: the function receives the original event, verbatim.
          targets: [
            new targets.LambdaFunction(this.function, {
              deadLetterQueue: props.deadLetterQueue,
              retryAttempts: RULE_RETRY_ATTEMPTS,
              maxEventAge: Duration.hours(2),
            }),
          ],
        }),
    );
  }
}

function assertEnvironmentFits(environment: Record<string, string>): void {
  const bytes = Object.entries(environment).reduce(
    (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
  if (bytes > LAMBDA_ENVIRONMENT_LIMIT_BYTES) {
    throw new Error(
      `(config): the config is ${bytes} bytes in the Lambda environment, over Lambda's ${LAMBDA_ENVIRONMENT_LIMIT_BYTES}; shorten job descriptions or split jobs`,
    );
  }
}
