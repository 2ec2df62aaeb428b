// Microsoft Defender for Cloud security alerts, as workflow automation, continuous
// export and the Alerts API deliver them: an ARM resource of type
// Microsoft.Security/Locations/alerts. Both the current schema (severity, status,
// resourceIdentifiers) and the earlier one (reportedSeverity, state, associatedResource).

import { buildEvent } from '../build-event.js';
import { arr, isObject, isoTimestamp, need, obj, str } from '../fields.js';
import { fromLabel, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { azureResourceType, parseAzureId, subscriptionOf } from './resource-id.js';

const SOURCE = 'azure.defender';
const CLOSED = new Set(['Resolved', 'Dismissed']);

export const defenderAlert: EventSource = {
  name: SOURCE,
  provider: 'azure',
  recognise: (input) =>
    typeof input.type === 'string' && /^Microsoft\.Security\/(Locations\/)?alerts$/i.test(input.type),
  normalise(input) {
    const alertId = need(str(input, 'id'), SOURCE, 'id');
    const p = need(obj(input, 'properties'), SOURCE, 'properties');
    const label = str(p, 'severity') ?? str(p, 'reportedSeverity');
    const status = str(p, 'status') ?? str(p, 'state') ?? 'Active';
    const closed = CLOSED.has(status);
    const resourceId = need(
      azureResourceIdOf(p) ?? str(p, 'associatedResource'),
      SOURCE,
      'properties.resourceIdentifiers',
    );
    const parsed = parseAzureId(resourceId);
    const account = parsed.subscription ?? str(p, 'subscriptionId') ?? subscriptionOf(alertId);
    const name = str(input, 'name') ?? alertId;
    return [
      buildEvent({
        source: SOURCE,
        vendorId: `${str(p, 'systemAlertId') ?? name}@${status}`,
        provider: 'azure',
        eventType: closed ? 'security_finding_resolved' : 'security_finding',
        baseline: closed
          ? info(`alert ${status}`)
          : need(fromLabel(label, 'Defender for Cloud'), SOURCE, 'properties.severity'),
        accountId: need(account, SOURCE, 'properties.resourceIdentifiers'),
        region: /\/locations\/([^/]+)/i.exec(alertId)?.[1] ?? 'unknown',
        resource: {
          type: azureResourceType(parsed.nativeType),
          id: resourceId,
          name: str(p, 'compromisedEntity') ?? parsed.name,
          nativeType: parsed.nativeType,
          metadata: {
            alert_id: alertId,
            alert_type: str(p, 'alertType') ?? str(p, 'alertName'),
            title: str(p, 'alertDisplayName'),
            status,
            intent: str(p, 'intent') ?? str(obj(p, 'extendedProperties'), 'killChainIntent'),
          },
        },
        timestamp: isoTimestamp(
          p.timeGeneratedUtc ?? p.reportedTimeUtc ?? p.detectedTimeUtc ?? p.startTimeUtc,
          SOURCE,
          'properties.timeGeneratedUtc',
        ),
        raw: input,
      }),
    ];
  },
};

function azureResourceIdOf(p: Record<string, unknown>): string | undefined {
  for (const r of arr(p, 'resourceIdentifiers') ?? []) {
    if (isObject(r) && r.type === 'AzureResource') {
      const id = str(r, 'azureResourceId');
      if (id) return id;
    }
  }
  return undefined;
}
