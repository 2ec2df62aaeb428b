// Every event source and envelope, registered in one place. Adding a source is adding a
// module and a line here. Envelopes are tried first (they only unwrap), then sources in
// order; recognisers check cheap discriminating fields, so order matters only for speed.

import { awsBudgets } from './aws/budgets.js';
import { cloudTrail } from './aws/cloudtrail.js';
import { cloudwatchAlarm } from './aws/cloudwatch-alarm.js';
import { awsConfig } from './aws/config.js';
import { costAnomaly } from './aws/cost-anomaly.js';
import { ec2StateChange } from './aws/ec2-state-change.js';
import { guardDuty } from './aws/guardduty.js';
import { awsHealth } from './aws/health.js';
import { securityHub } from './aws/securityhub.js';
import { azureCommonAlert } from './azure/common-alert.js';
import { defenderAlert } from './azure/defender-alert.js';
import { eventGridResource } from './azure/event-grid-resource.js';
import { eventarcAuditLog } from './envelopes/eventarc-audit.js';
import { lambdaRecords } from './envelopes/lambda-records.js';
import { pubsubCloudEvent, pubsubPush } from './envelopes/pubsub-push.js';
import { snsNotification } from './envelopes/sns.js';
import { gcpAuditLog } from './gcp/audit-log.js';
import { monitoringIncident } from './gcp/monitoring-incident.js';
import { sccFinding } from './gcp/scc-finding.js';
import type { Envelope, EventSource } from './source.js';

export const envelopes: readonly Envelope[] = [
  lambdaRecords,
  snsNotification,
  pubsubPush,
  pubsubCloudEvent,
  eventarcAuditLog,
];

export const sources: readonly EventSource[] = [
  cloudTrail,
  cloudwatchAlarm,
  ec2StateChange,
  securityHub,
  guardDuty,
  awsConfig,
  awsHealth,
  costAnomaly,
  awsBudgets,
  azureCommonAlert,
  eventGridResource,
  defenderAlert,
  monitoringIncident,
  gcpAuditLog,
  sccFinding,
];
