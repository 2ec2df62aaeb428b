// Telling the user when the runner itself fails: alarms on Lambda errors, on every
// dead-letter queue, and on Fargate tasks that stop with a failure (captured by an
// EventBridge rule into a queue of their own, so each failure is also kept for inspection).

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';

export interface ObservabilityProps {
  namePrefix: string;
  topic: sns.ITopic;
  function: lambda.IFunction;
  cluster: ecs.ICluster;
  deadLetterQueues: Record<string, sqs.IQueue>;
}

export class Observability extends Construct {
  readonly taskFailures: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { namePrefix } = props;
    this.namePrefix = namePrefix;
    this.taskFailures = deadLetterQueue(this, 'TaskFailures', `${namePrefix}-task-failures`);
    new events.Rule(this, 'TaskFailedRule', {
      ruleName: `${namePrefix}-task-failed`,
      description: 'Escher runner tasks that stopped with a non-zero exit code or failed to start',
      eventPattern: {
        source: ['aws.ecs'],
        detailType: ['ECS Task State Change'],
        detail: {
          clusterArn: [props.cluster.clusterArn],
          lastStatus: ['STOPPED'],
          $or: [{ containers: { exitCode: [{ 'anything-but': 0 }] } }, { stopCode: ['TaskFailedToStart'] }],
        },
      },
      targets: [new targets.SqsQueue(this.taskFailures)],
    });

    this.alarm('LambdaErrors', 'the real-time runner failed', props.function.metricErrors());
    for (const [name, queue] of Object.entries({
      ...props.deadLetterQueues,
      TaskFailures: this.taskFailures,
    })) {
      this.alarm(
        `${name}Depth`,
        `${name}: messages are waiting (a trigger was not processed)`,
        queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
      );
    }
    for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(props.topic));
  }

  /** Our alarms carry the name prefix, which the real-time rule ignores (no feedback loop). */
  private alarm(id: string, description: string, metric: cloudwatch.Metric): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        alarmName: `${this.namePrefix}-${id}`,
        alarmDescription: `Escher: ${description}`,
        metric: metric.with({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
