// What an Azure Monitor common-schema alert means, by the monitoring service that raised
// it. Metric, log and smart-detector alerts are alarms; activity-log alerts carry the
// operation that happened; Service/Resource Health and cost alerts have their own kinds.

import type { EventType } from '@escher/shared';
import type { Baseline } from '../build-event.js';
import { type Json, obj, str } from '../fields.js';
import { fromLabel, high, info, medium } from '../severity.js';

export interface AlertKind {
  eventType: EventType;
  /** Undefined: use the alert rule's own SevN. */
  baseline?: Baseline;
}

const VM_STATE =
  /^microsoft\.compute\/virtualmachines\/(start|restart|deallocate|poweroff|redeploy)\/action$/i;

export function alertKind(service: string, context: Json, fired: boolean): AlertKind {
  switch (service) {
    case 'ServiceHealth':
      return { eventType: 'service_health', baseline: serviceHealth(obj(context, 'properties'), fired) };
    case 'Resource Health':
      return { eventType: 'service_health', baseline: resourceHealth(obj(context, 'properties'), fired) };
    case 'Activity Log - Security':
      // The security alert's own rating, when it carries one, says more than the alert rule's SevN.
      return {
        eventType: fired ? 'security_finding' : 'security_finding_resolved',
        baseline: fired
          ? fromLabel(str(obj(context, 'properties'), 'severity'), 'Defender for Cloud')
          : undefined,
      };
    case 'Activity Log - Policy':
      return { eventType: 'config_noncompliant' };
    case 'Activity Log - Administrative':
    case 'Activity Log - Autoscale':
      return { eventType: operationKind(str(context, 'operationName') ?? '') };
    default:
      return { eventType: fired ? 'metric_alarm_firing' : 'metric_alarm_resolved' };
  }
}

function operationKind(operation: string): EventType {
  if (VM_STATE.test(operation)) return 'instance_state_changed';
  const lower = operation.toLowerCase();
  if (lower.endsWith('/delete')) return 'resource_deleted';
  return 'resource_modified';
}

// Incident → HIGH, Maintenance/ActionRequired → MEDIUM, Informational/Security advisories → INFO.
function serviceHealth(p: Json | undefined, fired: boolean): Baseline {
  const type = str(p, 'incidentType') ?? 'Informational';
  const stage = str(p, 'stage');
  if (!fired || stage === 'Resolved' || stage === 'Complete') return info(`service health ${type} resolved`);
  if (type === 'Incident') return high(`service health incident: ${str(p, 'title') ?? 'untitled'}`);
  if (type === 'Maintenance' || type === 'ActionRequired') return medium(`service health ${type}`);
  return info(`service health ${type}`);
}

// Unavailable by the platform → HIGH; degraded → MEDIUM; anything the user caused → INFO.
function resourceHealth(p: Json | undefined, fired: boolean): Baseline {
  const status = str(p, 'currentHealthStatus') ?? 'Unknown';
  const cause = str(p, 'cause') ?? 'Unknown';
  if (!fired || status === 'Available') return info(`resource health ${status}`);
  if (cause === 'UserInitiated') return info(`resource ${status}, initiated by a user`);
  if (status === 'Unavailable') return high(`resource unavailable (${cause})`);
  return medium(`resource ${status} (${cause})`);
}
