// Security Hub findings (ASFF), "Findings - Imported" and "Findings - Custom Action":
// one UnifiedEvent per finding. The account is the finding's AwsAccountId — with an
// aggregating administrator account the EventBridge `account` is the administrator's.

import { type Baseline, buildEvent, tagsFrom } from '../build-event.js';
import { InvalidFieldError } from '../errors.js';
import { arr, isObject, isoTimestamp, type Json, need, num, obj, str } from '../fields.js';
import { fromLabel, fromNormalizedScore, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';
import { awsResourceType } from './resource-map.js';

const SOURCE = 'aws.securityhub';
const DETAIL_TYPES = ['Security Hub Findings - Imported', 'Security Hub Findings - Custom Action'];

export const securityHub: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) => isEventBridge(input, 'aws.securityhub', DETAIL_TYPES),
  normalise(input) {
    const base = eventBridgeBase(input, SOURCE);
    const list = arr(base.detail, 'findings');
    // An event with no finding carries nothing to act on; say so rather than return nothing.
    const findings = need(list && list.length > 0 ? list : undefined, SOURCE, 'detail.findings');
    return findings.map((finding, i) => {
      const at = `detail.findings[${i}]`;
      if (!isObject(finding)) throw new InvalidFieldError(SOURCE, at, 'an object');
      const id = need(str(finding, 'Id'), SOURCE, `${at}.Id`);
      const resource = arr(finding, 'Resources')?.[0];
      const resourceId = need(str(resource, 'Id'), SOURCE, `${at}.Resources[0].Id`);
      const nativeType = str(resource, 'Type') ?? 'Other';
      const updated = str(finding, 'UpdatedAt');
      const resolved = isResolved(finding);
      return buildEvent({
        source: SOURCE,
        vendorId: `${id}@${updated ?? base.time}`,
        provider: 'aws',
        eventType: resolved ? 'security_finding_resolved' : 'security_finding',
        baseline: resolved ? info('finding resolved or archived') : severityOf(finding, at),
        accountId: need(str(finding, 'AwsAccountId'), SOURCE, `${at}.AwsAccountId`),
        region: str(resource, 'Region') ?? str(finding, 'Region') ?? base.region,
        resource: {
          type: awsResourceType(nativeType),
          id: resourceId,
          nativeType,
          tags: tagsFrom(obj(resource, 'Tags')),
          metadata: {
            finding_id: id,
            title: str(finding, 'Title'),
            finding_types: arr(finding, 'Types'),
            product_arn: str(finding, 'ProductArn'),
          },
        },
        timestamp: isoTimestamp(updated ?? input.time, SOURCE, `${at}.UpdatedAt`),
        // One finding per event: the raw event is the envelope narrowed to this finding.
        raw: findings.length === 1 ? input : { ...input, detail: { ...base.detail, findings: [finding] } },
      });
    });
  },
};

function isResolved(finding: Json): boolean {
  return (
    str(finding, 'RecordState') === 'ARCHIVED' ||
    str(obj(finding, 'Workflow'), 'Status') === 'RESOLVED' ||
    str(obj(finding, 'Workflow'), 'Status') === 'SUPPRESSED'
  );
}

function severityOf(finding: Json, at: string): Baseline {
  const severity = need(obj(finding, 'Severity'), SOURCE, `${at}.Severity`);
  const byLabel = fromLabel(str(severity, 'Label'), 'ASFF');
  if (byLabel) return byLabel;
  const normalized = need(num(severity, 'Normalized'), SOURCE, `${at}.Severity.Label`);
  return fromNormalizedScore(normalized, 'ASFF');
}
