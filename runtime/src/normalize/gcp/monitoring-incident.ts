// Cloud Monitoring incident notifications (schema 1.2, and the console's "test"
// notification), by webhook or by Pub/Sub. The project is the monitored resource's
// project_id label, else the scoping project.
//   open → the policy's severity label (CRITICAL/ERROR/WARNING), else HIGH; closed → INFO.

import { UNKNOWN } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, need, obj, str } from '../fields.js';
import { fromLabel, high, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { gcpResourceType, regionOfZone } from './resource-map.js';

const SOURCE = 'gcp.monitoring-incident';

export const monitoringIncident: EventSource = {
  name: SOURCE,
  provider: 'gcp',
  recognise: (input) => obj(input, 'incident') !== undefined && typeof input.version === 'string',
  normalise(input) {
    const incident = need(obj(input, 'incident'), SOURCE, 'incident');
    const id = need(str(incident, 'incident_id'), SOURCE, 'incident.incident_id');
    const state = need(str(incident, 'state'), SOURCE, 'incident.state').toLowerCase();
    const open = state === 'open';
    const resource = obj(incident, 'resource');
    const labels = obj(resource, 'labels');
    const policy = str(incident, 'policy_name') ?? 'alert policy';
    const location = str(labels, 'zone') ?? str(labels, 'region') ?? str(labels, 'location');
    const resourceId =
      str(labels, 'instance_id') ?? str(incident, 'resource_id') ?? str(incident, 'resource_name') ?? id;
    const time = open ? incident.started_at : (incident.ended_at ?? incident.started_at);
    return [
      buildEvent({
        source: SOURCE,
        vendorId: `${id}@${state}`,
        provider: 'gcp',
        eventType: open ? 'metric_alarm_firing' : 'metric_alarm_resolved',
        baseline: open
          ? (fromLabel(str(incident, 'severity'), 'Cloud Monitoring') ?? high(`incident open on ${policy}`))
          : info(`incident closed on ${policy}`),
        accountId: need(
          str(labels, 'project_id') ?? str(incident, 'scoping_project_id'),
          SOURCE,
          'incident.scoping_project_id',
        ),
        region: location ? regionOfZone(location) : UNKNOWN,
        resource: {
          type: gcpResourceType(str(resource, 'type')),
          id: resourceId,
          name: str(incident, 'resource_display_name') ?? resourceId,
          nativeType: str(resource, 'type') ?? 'unknown',
          metadata: {
            incident_id: id,
            policy_name: policy,
            condition_name: str(incident, 'condition_name'),
            summary: str(incident, 'summary'),
            zone: str(labels, 'zone'),
            metric_type: str(obj(incident, 'metric'), 'type'),
          },
        },
        timestamp: isoTimestamp(time, SOURCE, open ? 'incident.started_at' : 'incident.ended_at'),
        raw: input,
      }),
    ];
  },
};
