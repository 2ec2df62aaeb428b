// Security Command Center finding notifications (Pub/Sub, unwrapped before this source):
// { notificationConfigName, finding, resource }. The project is the resource's
// projectDisplayName (the project id), else the number in resource.project.
//   Severity CRITICAL/HIGH/MEDIUM as labelled, LOW → INFO; INACTIVE or muted → resolved.

import { GLOBAL_REGION } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, need, obj, str } from '../fields.js';
import { fromLabel, info, medium } from '../severity.js';
import type { EventSource } from '../source.js';
import { gcpResourceType, regionOfZone } from './resource-map.js';

const SOURCE = 'gcp.scc';

export const sccFinding: EventSource = {
  name: SOURCE,
  provider: 'gcp',
  recognise: (input) =>
    typeof input.notificationConfigName === 'string' && obj(input, 'finding') !== undefined,
  normalise(input) {
    const finding = need(obj(input, 'finding'), SOURCE, 'finding');
    const resource = obj(input, 'resource');
    const name = need(str(finding, 'name'), SOURCE, 'finding.name');
    const resourceName = need(
      str(finding, 'resourceName') ?? str(resource, 'name'),
      SOURCE,
      'finding.resourceName',
    );
    const state = str(finding, 'state') ?? 'ACTIVE';
    const resolved = state === 'INACTIVE' || str(finding, 'mute') === 'MUTED';
    const category = str(finding, 'category') ?? 'finding';
    const project =
      str(resource, 'projectDisplayName') ??
      declaredProject(finding) ??
      /projects\/([^/]+)$/.exec(str(resource, 'project') ?? '')?.[1] ??
      /\/projects\/([^/]+)(?:\/|$)/.exec(resourceName)?.[1];
    const eventTime = str(finding, 'eventTime');
    return [
      buildEvent({
        source: SOURCE,
        vendorId: `${name}@${eventTime ?? state}`,
        provider: 'gcp',
        eventType: resolved ? 'security_finding_resolved' : 'security_finding',
        baseline: resolved
          ? info(`${category} ${state}`)
          : (fromLabel(severityLabel(finding), 'SCC') ?? medium(`${category} without a severity`)),
        accountId: need(project, SOURCE, 'resource.projectDisplayName'),
        region: regionOf(resourceName, str(resource, 'location')),
        resource: {
          type: sccResourceType(str(resource, 'type'), resourceName),
          id: resourceName,
          name: str(resource, 'displayName') ?? resourceName.slice(resourceName.lastIndexOf('/') + 1),
          nativeType: str(resource, 'type') ?? resourceName.replace(/^\/\/([^/]+)\/.*$/, '$1'),
          metadata: {
            finding_name: name,
            category,
            finding_class: str(finding, 'findingClass'),
            state,
            external_uri: str(finding, 'externalUri'),
          },
        },
        timestamp: isoTimestamp(eventTime ?? finding.createTime, SOURCE, 'finding.eventTime'),
        raw: input,
      }),
    ];
  },
};

function regionOf(resourceName: string, location: string | undefined): string {
  const where = /\/(?:regions|zones|locations)\/([^/]+)\//.exec(resourceName)?.[1] ?? location;
  return where && where !== 'global' ? regionOfZone(where.toLowerCase()) : GLOBAL_REGION;
}

// Findings from before SCC had a severity field carry it in their source properties.
function severityLabel(finding: Record<string, unknown>): string | undefined {
  const props = obj(finding, 'sourceProperties');
  return str(finding, 'severity') ?? str(props, 'SeverityLevel') ?? str(props, 'detectionPriority');
}

function declaredProject(finding: Record<string, unknown>): string | undefined {
  const id = str(obj(finding, 'sourceProperties'), 'ProjectId');
  return id === '(none)' ? undefined : id;
}

// Resource names start with the owning API's host; Cloud SQL's '/instances/' are databases, not VMs.
function sccResourceType(type: string | undefined, resourceName: string) {
  if (
    resourceName.startsWith('//cloudsql.googleapis.com/') ||
    resourceName.startsWith('//sqladmin.googleapis.com/')
  ) {
    return 'database_instance' as const;
  }
  return gcpResourceType(type, resourceName.replace(/^\/\/[^/]+\//, ''));
}
