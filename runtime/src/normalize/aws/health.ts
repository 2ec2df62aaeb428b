// AWS Health events ("AWS Health Event", "AWS Health Abuse Event"): one UnifiedEvent per
// affected entity, or one about the account when none is named.
//   issue → HIGH, scheduledChange → MEDIUM, accountNotification/investigation → INFO;
//   a closed event → INFO.

import { type Baseline, buildEvent } from '../build-event.js';
import { arr, isObject, need, str } from '../fields.js';
import { high, info, medium } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';
import { awsTypeFromId } from './resource-map.js';

const SOURCE = 'aws.health';

export const awsHealth: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) => isEventBridge(input, 'aws.health', ['AWS Health Event', 'AWS Health Abuse Event']),
  normalise(input) {
    const base = eventBridgeBase(input, SOURCE);
    const d = base.detail;
    const typeCode = need(str(d, 'eventTypeCode'), SOURCE, 'detail.eventTypeCode');
    const category = str(d, 'eventTypeCategory') ?? 'accountNotification';
    const status = str(d, 'statusCode');
    const baseline = baselineOf(category, status, typeCode);
    const entities = (arr(d, 'affectedEntities') ?? [])
      .map((e) => (isObject(e) ? str(e, 'entityValue') : undefined))
      .filter((v): v is string => v !== undefined);
    const targets = entities.length > 0 ? entities : [base.account];
    return targets.map((entity) => {
      const type = awsTypeFromId(entity);
      return buildEvent({
        source: SOURCE,
        vendorId: entities.length > 0 ? `${base.id}/${entity}` : base.id,
        provider: 'aws',
        eventType: 'service_health',
        baseline,
        accountId: base.account,
        region: str(d, 'eventRegion') ?? base.region,
        resource: {
          type,
          id: entity,
          nativeType: type === 'account' ? 'AWS::Account' : `AWS::Health::${str(d, 'service') ?? 'Entity'}`,
          metadata: {
            event_arn: str(d, 'eventArn'),
            service: str(d, 'service'),
            event_type_code: typeCode,
            category,
            status,
          },
        },
        timestamp: base.time,
        raw: input,
      });
    });
  },
};

function baselineOf(category: string, status: string | undefined, code: string): Baseline {
  if (status === 'closed') return info(`${code} closed`);
  if (category === 'issue') return high(`AWS Health issue ${code}`);
  if (category === 'scheduledChange') return medium(`AWS Health scheduled change ${code}`);
  return info(`AWS Health ${category} ${code}`);
}
