// AWS Config, over EventBridge ("Config Configuration Item Change", "Config Rules
// Compliance Change") and as Config's own SNS notifications (the same detail at the
// top level, told apart by messageType): a resource was discovered, changed or
// deleted, or a rule now judges it compliant or not.

import type { EventType } from '@escher/shared';
import { type Baseline, buildEvent, tagsFrom } from '../build-event.js';
import { isoTimestamp, type Json, need, obj, str } from '../fields.js';
import { info, medium } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';
import { awsResourceType } from './resource-map.js';

const SOURCE = 'aws.config';
const ITEM = 'Config Configuration Item Change';
const COMPLIANCE = 'Config Rules Compliance Change';
const ITEM_MESSAGES = ['ConfigurationItemChangeNotification', 'OversizedConfigurationItemChangeNotification'];

/** What both delivery paths share once the envelope is peeled. */
interface ConfigMessage {
  input: Json;
  detail: Json;
  /** Path prefix of `detail` inside the input, for error messages. */
  at: string;
  vendorId: string;
  account: string | undefined;
  region: string | undefined;
  time: string | undefined;
}

export const awsConfig: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    isEventBridge(input, 'aws.config', [ITEM, COMPLIANCE]) ||
    (typeof input.messageType === 'string' &&
      (input.messageType === 'ComplianceChangeNotification' || ITEM_MESSAGES.includes(input.messageType))),
  normalise(input) {
    const message = 'detail' in input ? fromEventBridge(input) : fromSns(input);
    const type = str(message.detail, 'messageType');
    const isItem = input['detail-type'] === ITEM || (type !== undefined && ITEM_MESSAGES.includes(type));
    return [isItem ? itemChange(message) : complianceChange(message)];
  },
};

function fromEventBridge(input: Json): ConfigMessage {
  const base = eventBridgeBase(input, SOURCE);
  return {
    input,
    detail: base.detail,
    at: 'detail.',
    vendorId: base.id,
    account: base.account,
    region: base.region,
    time: base.time,
  };
}

function fromSns(input: Json): ConfigMessage {
  const created = need(str(input, 'notificationCreationTime'), SOURCE, 'notificationCreationTime');
  const ruleOrItem =
    str(input, 'configRuleName') ?? str(obj(input, 'configurationItem'), 'configurationStateId') ?? '';
  return {
    input,
    detail: input,
    at: '',
    // SNS messages carry no id of their own; what they describe and when is unique enough.
    vendorId: `${ruleOrItem}/${str(input, 'resourceId') ?? ''}@${created}`,
    account: undefined,
    region: undefined,
    time: isoTimestamp(created, SOURCE, 'notificationCreationTime'),
  };
}

const ITEM_STATUS: Record<string, EventType> = {
  ResourceDiscovered: 'resource_created',
  OK: 'resource_modified',
  ResourceDeleted: 'resource_deleted',
  ResourceDeletedNotRecorded: 'resource_deleted',
  ResourceNotRecorded: 'resource_modified',
};

function itemChange(m: ConfigMessage) {
  // Oversized items arrive with a summary instead of the full item; both carry the same keys.
  const ci = need(
    obj(m.detail, 'configurationItem') ?? obj(m.detail, 'configurationItemSummary'),
    SOURCE,
    `${m.at}configurationItem`,
  );
  const at = `${m.at}configurationItem.`;
  const status = need(str(ci, 'configurationItemStatus'), SOURCE, `${at}configurationItemStatus`);
  const nativeType = need(str(ci, 'resourceType'), SOURCE, `${at}resourceType`);
  const resourceId = need(str(ci, 'resourceId'), SOURCE, `${at}resourceId`);
  const captured = str(ci, 'configurationItemCaptureTime');
  return buildEvent({
    source: SOURCE,
    vendorId: m.vendorId,
    provider: 'aws',
    eventType: ITEM_STATUS[status] ?? 'resource_modified',
    baseline: info(`configuration item ${status}`),
    accountId: need(str(ci, 'awsAccountId') ?? m.account, SOURCE, `${at}awsAccountId`),
    region: need(str(ci, 'awsRegion') ?? m.region, SOURCE, `${at}awsRegion`),
    resource: {
      type: awsResourceType(nativeType),
      id: str(ci, 'ARN') ?? resourceId,
      name: str(ci, 'resourceName') ?? resourceId,
      nativeType,
      tags: tagsFrom(obj(ci, 'tags')),
      metadata: {
        resource_id: resourceId,
        item_status: status,
        change_type: str(obj(m.detail, 'configurationItemDiff'), 'changeType') ?? str(ci, 'changeType'),
      },
    },
    timestamp: captured
      ? isoTimestamp(captured, SOURCE, `${at}configurationItemCaptureTime`)
      : need(m.time, SOURCE, 'time'),
    raw: m.input,
  });
}

function complianceChange(m: ConfigMessage) {
  const d = m.detail;
  const result = need(obj(d, 'newEvaluationResult'), SOURCE, `${m.at}newEvaluationResult`);
  const qualifier = qualifierOf(result);
  const nativeType = need(
    str(d, 'resourceType') ?? str(qualifier, 'resourceType'),
    SOURCE,
    `${m.at}resourceType`,
  );
  const resourceId = need(str(d, 'resourceId') ?? str(qualifier, 'resourceId'), SOURCE, `${m.at}resourceId`);
  const rule = need(
    str(d, 'configRuleName') ?? str(qualifier, 'configRuleName'),
    SOURCE,
    `${m.at}configRuleName`,
  );
  const compliance = need(str(result, 'complianceType'), SOURCE, `${m.at}newEvaluationResult.complianceType`);
  const [eventType, baseline] = judge(compliance, rule);
  return buildEvent({
    source: SOURCE,
    vendorId: m.vendorId,
    provider: 'aws',
    eventType,
    baseline,
    accountId: need(str(d, 'awsAccountId') ?? m.account, SOURCE, `${m.at}awsAccountId`),
    region: need(str(d, 'awsRegion') ?? m.region, SOURCE, `${m.at}awsRegion`),
    resource: {
      type: awsResourceType(nativeType),
      id: resourceId,
      nativeType,
      metadata: {
        config_rule: rule,
        compliance,
        previous_compliance: str(obj(d, 'oldEvaluationResult'), 'complianceType'),
        annotation: str(result, 'annotation'),
      },
    },
    timestamp:
      m.time ??
      isoTimestamp(result.resultRecordedTime, SOURCE, `${m.at}newEvaluationResult.resultRecordedTime`),
    raw: m.input,
  });
}

function qualifierOf(result: Json): Json | undefined {
  return obj(obj(result, 'evaluationResultIdentifier'), 'evaluationResultQualifier');
}

function judge(compliance: string, rule: string): [EventType, Baseline] {
  if (compliance === 'NON_COMPLIANT')
    return ['config_noncompliant', medium(`rule ${rule} found it NON_COMPLIANT`)];
  if (compliance === 'COMPLIANT') return ['config_compliant', info(`rule ${rule} found it COMPLIANT`)];
  return ['unclassified', info(`rule ${rule} reported ${compliance}`)];
}
