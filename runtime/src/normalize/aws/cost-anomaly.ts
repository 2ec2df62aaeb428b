// Cost Anomaly Detection, as the EventBridge "Anomaly Detected" event and as the
// monitor's SNS JSON message (the same fields at the top level).
//   total impact ≥ 1000 → HIGH, ≥ 100 → MEDIUM, else INFO (in the bill's currency, USD).

import { GLOBAL_REGION } from '@escher/shared';
import { type Baseline, buildEvent } from '../build-event.js';
import { arr, isoTimestamp, type Json, need, num, obj, str } from '../fields.js';
import { high, info, medium } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';

const SOURCE = 'aws.cost-anomaly';

export const costAnomaly: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    isEventBridge(input, 'aws.ce', ['Anomaly Detected']) ||
    (typeof input.anomalyId === 'string' && typeof input.monitorArn === 'string'),
  normalise(input) {
    const wrapped = 'detail' in input;
    const base = wrapped ? eventBridgeBase(input, SOURCE) : undefined;
    const d: Json = base?.detail ?? input;
    const at = wrapped ? 'detail.' : '';
    const anomalyId = need(str(d, 'anomalyId'), SOURCE, `${at}anomalyId`);
    const impact = need(num(obj(d, 'impact'), 'totalImpact'), SOURCE, `${at}impact.totalImpact`);
    const cause = arr(d, 'rootCauses')?.[0];
    const monitorArn = str(d, 'monitorArn');
    return [
      buildEvent({
        source: SOURCE,
        vendorId: anomalyId,
        provider: 'aws',
        eventType: 'cost_anomaly',
        baseline: baselineOf(impact),
        // The monitor's account; the spending linked account (under an organisation) is kept in metadata.
        accountId: need(str(d, 'accountId') ?? base?.account, SOURCE, `${at}accountId`),
        // Spend is account-wide; the event's region is only Cost Explorer's home region.
        region: GLOBAL_REGION,
        resource: {
          type: 'account',
          id: monitorArn ?? anomalyId,
          name: str(d, 'dimensionalValue') ?? str(cause, 'service') ?? anomalyId,
          nativeType: 'AWS::CE::AnomalyMonitor',
          metadata: {
            anomaly_id: anomalyId,
            service: str(cause, 'service'),
            linked_account: str(cause, 'linkedAccount'),
            root_cause_region: str(cause, 'region'),
            usage_type: str(cause, 'usageType'),
            details_link: str(d, 'anomalyDetailsLink'),
          },
        },
        timestamp: base?.time ?? isoTimestamp(d.anomalyStartDate, SOURCE, 'anomalyStartDate'),
        costImpact: impact,
        raw: input,
      }),
    ];
  },
};

function baselineOf(impact: number): Baseline {
  if (impact >= 1000) return high(`anomaly impact ${impact} USD ≥ 1000`);
  if (impact >= 100) return medium(`anomaly impact ${impact} USD ≥ 100`);
  return info(`anomaly impact ${impact} USD < 100`);
}
