// Azure Monitor alerts in the common alert schema, as an action group's webhook, Logic
// App or Function receives them: metric, log search, activity log, Service Health,
// Resource Health, smart detection and cost (budget) alerts.

import { type CloudProvider, GLOBAL_REGION, UNKNOWN, type UnifiedEvent } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { arr, isoTimestamp, type Json, need, obj, str } from '../fields.js';
import { fromAzureSeverity, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { alertKind } from './alert-kinds.js';
import { budgetAlert } from './cost-alert.js';
import { azureResourceType, parseAzureId, subscriptionOf } from './resource-id.js';

const SOURCE = 'azure.monitor-alert';
const PROVIDER: CloudProvider = 'azure';

export const azureCommonAlert: EventSource = {
  name: SOURCE,
  provider: PROVIDER,
  recognise: (input) => input.schemaId === 'azureMonitorCommonAlertSchema',
  normalise(input) {
    const data = need(obj(input, 'data'), SOURCE, 'data');
    const essentials = need(obj(data, 'essentials'), SOURCE, 'data.essentials');
    const context = obj(data, 'alertContext') ?? {};
    const service = need(str(essentials, 'monitoringService'), SOURCE, 'data.essentials.monitoringService');
    if (service === 'CostAlerts') return budgetAlert(input, essentials, context);
    return [monitorAlert(input, essentials, context, service)];
  },
};

function monitorAlert(input: Json, essentials: Json, context: Json, service: string): UnifiedEvent {
  const alertId = need(str(essentials, 'alertId'), SOURCE, 'data.essentials.alertId');
  const condition = str(essentials, 'monitorCondition') ?? 'Fired';
  const fired = condition !== 'Resolved';
  const target = firstString(arr(essentials, 'alertTargetIDs'));
  const parsed = parseAzureId(target ?? alertId);
  const kind = alertKind(service, context, fired);
  const rule = str(essentials, 'alertRule') ?? 'alert';
  const baseline = fired
    ? (kind.baseline ?? fromAzureSeverity(str(essentials, 'severity')) ?? info(`${rule} has no severity`))
    : (kind.baseline ?? info(`${rule} resolved`));
  const resolvedAt = str(essentials, 'resolvedDateTime');
  return buildEvent({
    source: SOURCE,
    vendorId: `${alertId}@${condition}`,
    provider: PROVIDER,
    eventType: kind.eventType,
    baseline,
    accountId: need(parsed.subscription ?? subscriptionOf(alertId), SOURCE, 'data.essentials.alertTargetIDs'),
    region: regionOf(context),
    resource: {
      type: target ? azureResourceType(parsed.nativeType) : 'monitoring_alarm',
      id: target ?? alertId,
      name: target ? parsed.name : rule,
      nativeType: parsed.nativeType,
      metadata: {
        alert_id: alertId,
        alert_rule: rule,
        monitoring_service: service,
        signal_type: str(essentials, 'signalType'),
        monitor_condition: condition,
        operation: str(context, 'operationName'),
        resource_group: parsed.resourceGroup,
      },
    },
    timestamp: isoTimestamp(
      !fired && resolvedAt ? resolvedAt : essentials.firedDateTime,
      SOURCE,
      'data.essentials.firedDateTime',
    ),
    raw: input,
  });
}

function firstString(list: unknown[] | undefined): string | undefined {
  const first = list?.[0];
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

/** Service Health names a display region ("East US"); "Global" means not regional. */
function regionOf(context: Json): string {
  const region = str(obj(context, 'properties'), 'region');
  if (region === undefined) return UNKNOWN;
  const code = region.toLowerCase().replace(/\s+/g, '');
  return code === 'global' ? GLOBAL_REGION : code;
}
