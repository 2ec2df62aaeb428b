// The real-time path: audit-log events (through a project log sink) and Cloud Monitoring
// alerts (through a pubsub notification channel) land on one topic, whose push
// subscription calls the events service with an OIDC token of the invoker account.
// Messages that keep failing go to a dead-letter topic and are held there, never dropped.

import * as logging from '@pulumi/gcp/logging/index.js';
import * as monitoring from '@pulumi/gcp/monitoring/index.js';
import * as pubsub from '@pulumi/gcp/pubsub/index.js';
import * as serviceaccount from '@pulumi/gcp/serviceaccount/index.js';
import * as pulumi from '@pulumi/pulumi';
import { after, type ChildOptions } from './child-options.js';
import type { GcpStackConfig } from './config.js';
import type { Identities } from './identities.js';
import { auditLogFilter } from './log-filter.js';
import { pushAudience } from './names.js';
import type { Runner } from './runner.js';

const WEEK = '604800s';

export interface EventRoutes {
  topic: pubsub.Topic;
  /** Add this channel to alert policies to have the runner handle them. */
  notificationChannel: monitoring.NotificationChannel;
}

export function declareEvents(
  name: string,
  config: GcpStackConfig,
  ids: Identities,
  runner: Runner,
  projectNumber: pulumi.Output<string>,
  opts: ChildOptions,
): EventRoutes {
  const { project, extension } = config;
  const prefix = extension.name;
  const agent = (service: string) =>
    pulumi.interpolate`serviceAccount:service-${projectNumber}@${service}.iam.gserviceaccount.com`;
  const pubsubAgent = agent('gcp-sa-pubsub');

  const topic = new pubsub.Topic(
    `${name}-events`,
    { name: `${prefix}-events`, project, messageRetentionDuration: WEEK },
    opts,
  );
  const deadLetters = new pubsub.Topic(
    `${name}-events-deadletter`,
    { name: `${prefix}-events-deadletter`, project },
    opts,
  );
  new pubsub.Subscription(
    `${name}-events-deadletter-hold`,
    {
      name: `${prefix}-events-deadletter-hold`,
      project,
      topic: deadLetters.id,
      messageRetentionDuration: WEEK,
      expirationPolicy: { ttl: '' },
    },
    opts,
  );
  const push = new pubsub.Subscription(
    `${name}-events-to-runner`,
    {
      name: `${prefix}-events-to-runner`,
      project,
      topic: topic.id,
      ackDeadlineSeconds: 600,
      messageRetentionDuration: WEEK,
      expirationPolicy: { ttl: '' },
      retryPolicy: { minimumBackoff: '10s', maximumBackoff: '600s' },
      deadLetterPolicy: { deadLetterTopic: deadLetters.id, maxDeliveryAttempts: 10 },
      pushConfig: {
        pushEndpoint: pulumi.interpolate`${runner.service.uri}/pubsub`,
        oidcToken: { serviceAccountEmail: ids.invoker.email, audience: pushAudience(project, prefix) },
      },
    },
    opts,
  );
  // Pub/Sub's own agent moves failed messages and mints the push tokens.
  new pubsub.TopicIAMMember(
    `${name}-deadletter-publisher`,
    { project, topic: deadLetters.name, role: 'roles/pubsub.publisher', member: pubsubAgent },
    opts,
  );
  new pubsub.SubscriptionIAMMember(
    `${name}-deadletter-subscriber`,
    { project, subscription: push.name, role: 'roles/pubsub.subscriber', member: pubsubAgent },
    opts,
  );
  new serviceaccount.IAMMember(
    `${name}-pubsub-mints-invoker-tokens`,
    { serviceAccountId: ids.invoker.name, role: 'roles/iam.serviceAccountTokenCreator', member: pubsubAgent },
    opts,
  );

  const sink = new logging.ProjectSink(
    `${name}-audit-events`,
    {
      name: `${prefix}-audit-events`,
      project,
      destination: pulumi.interpolate`pubsub.googleapis.com/${topic.id}`,
      filter: ids.runner.email.apply((email) => auditLogFilter(project, email)),
      uniqueWriterIdentity: true,
    },
    opts,
  );
  new pubsub.TopicIAMMember(
    `${name}-sink-publisher`,
    { project, topic: topic.name, role: 'roles/pubsub.publisher', member: sink.writerIdentity },
    after(opts, sink),
  );

  const channel = new monitoring.NotificationChannel(
    `${name}-alerts`,
    { project, displayName: `Escher runner (${prefix})`, type: 'pubsub', labels: { topic: topic.id } },
    opts,
  );
  new pubsub.TopicIAMMember(
    `${name}-monitoring-publisher`,
    {
      project,
      topic: topic.name,
      role: 'roles/pubsub.publisher',
      member: agent('gcp-sa-monitoring-notification'),
    },
    opts,
  );
  return { topic, notificationChannel: channel };
}
