// The "Extend My Laptop" stack for AWS: state, secrets, the runner image, the real-time and
// scheduled paths, notifications and alarms, composed from one construct per concern.

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { AwsDeploymentConfig } from './config.js';
import { deadLetterQueue } from './constructs/dead-letter-queue.js';
import { Notifications } from './constructs/notifications.js';
import { Observability } from './constructs/observability.js';
import { RunnerPermissions } from './constructs/permissions.js';
import { RealtimePath } from './constructs/realtime.js';
import { type ImageSource, RunnerImage } from './constructs/runner-image.js';
import { ScheduledPath } from './constructs/scheduled.js';
import { SECRETS_URL, SecretsNamespace } from './constructs/secrets.js';
import { StateStorage } from './constructs/state.js';
import { scheduledTriggers } from './scheduled-triggers.js';

export interface RunnerStackProps extends StackProps {
  config: AwsDeploymentConfig;
  imageSource: ImageSource;
  /** Parallel real-time runs at most. */
  reservedConcurrency?: number;
}

/** Logs are redacted diagnostics; the records that matter live in the state store. */
export const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;
export const DEFAULT_RESERVED_CONCURRENCY = 5;

export class RunnerStack extends Stack {
  readonly state: StateStorage;
  readonly realtime: RealtimePath;
  readonly scheduled: ScheduledPath;

  constructor(scope: Construct, id: string, props: RunnerStackProps) {
    super(scope, id, props);
    const { config } = props;
    const namePrefix = config.name;
    this.state = new StateStorage(this, 'State', { retention: config.retention });
    const secrets = new SecretsNamespace(this, 'Secrets', { namePrefix });
    const notifications = new Notifications(this, 'Notifications', {
      namePrefix,
      emails: config.notifications.emails,
      sms: config.notifications.sms,
    });
    const permissions = new RunnerPermissions(this, 'Permissions', {
      config,
      stateBucket: this.state.stateBucket,
      auditBucket: this.state.auditBucket,
      secretsKey: secrets.key,
      secretsParameterArns: secrets.parameterArns(),
      topic: notifications.topic,
      topicKey: notifications.key,
    });
    const image = new RunnerImage(this, 'Image', {
      source: props.imageSource,
      ...(config.image ? { imageUri: config.image } : {}),
    });
    // The runtime's contract: where state, audit mirror and secrets live, and the config itself.
    const environment = {
      ESCHER_STORE: this.state.stateStoreUrl,
      ESCHER_AUDIT_STORE: this.state.auditStoreUrl,
      ESCHER_SECRETS: SECRETS_URL,
      ESCHER_NOTIFY_TOPIC_ARN: notifications.topic.topicArn,
      ESCHER_CONFIG: JSON.stringify(config),
    };
    const realtimeDlq = deadLetterQueue(this, 'RealtimeDeadLetters', `${namePrefix}-realtime-dlq`);
    const scheduleDlq = deadLetterQueue(this, 'ScheduleDeadLetters', `${namePrefix}-schedule-dlq`);
    this.realtime = new RealtimePath(this, 'Realtime', {
      namePrefix,
      image,
      role: permissions.lambdaRole,
      environment,
      deadLetterQueue: realtimeDlq,
      logRetention: LOG_RETENTION,
      reservedConcurrency: props.reservedConcurrency ?? DEFAULT_RESERVED_CONCURRENCY,
    });
    this.scheduled = new ScheduledPath(this, 'Scheduled', {
      namePrefix,
      image,
      taskRole: permissions.taskRole,
      environment,
      schedules: scheduledTriggers(config),
      deadLetterQueue: scheduleDlq,
      logRetention: LOG_RETENTION,
    });
    new Observability(this, 'Observability', {
      namePrefix,
      topic: notifications.topic,
      function: this.realtime.function,
      cluster: this.scheduled.cluster,
      deadLetterQueues: { RealtimeDeadLetters: realtimeDlq, ScheduleDeadLetters: scheduleDlq },
    });

    new CfnOutput(this, 'StateStoreUrl', { value: this.state.stateStoreUrl, description: 'ESCHER_STORE' });
    new CfnOutput(this, 'AuditStoreUrl', { value: this.state.auditStoreUrl, description: 'audit mirror' });
    new CfnOutput(this, 'SecretsUrl', { value: SECRETS_URL, description: 'ESCHER_SECRETS' });
    new CfnOutput(this, 'SecretsKeyAlias', {
      value: secrets.keyAlias,
      description: 'KMS key for `escher creds put` SecureStrings',
    });
    new CfnOutput(this, 'NotificationTopicArn', { value: notifications.topic.topicArn });
  }
}
