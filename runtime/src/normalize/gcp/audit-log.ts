// Cloud Audit Logs LogEntries (AuditLog protoPayload), from a Pub/Sub log sink, an
// Eventarc audit-log CloudEvent (unwrapped before this source), or a plain export.
// The project is resource.labels.project_id, else the one in logName.

import { GLOBAL_REGION } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { arr, isObject, isoTimestamp, type Json, need, num, obj, path, str } from '../fields.js';
import { info } from '../severity.js';
import type { EventSource } from '../source.js';
import type { AuditCall, AuditFinding } from './audit-call.js';
import { classifyAudit } from './audit-classify.js';
import { gcpResourceType, regionOfZone } from './resource-map.js';

const SOURCE = 'gcp.audit-log';
const AUDIT_LOG = 'type.googleapis.com/google.cloud.audit.AuditLog';

export const gcpAuditLog: EventSource = {
  name: SOURCE,
  provider: 'gcp',
  recognise: (input) => {
    const payload = input.protoPayload;
    return isObject(payload) && (payload['@type'] === AUDIT_LOG || typeof payload.methodName === 'string');
  },
  normalise(input) {
    const payload = need(obj(input, 'protoPayload'), SOURCE, 'protoPayload');
    const resource = obj(input, 'resource');
    const labels = obj(resource, 'labels');
    const rawMethod = need(str(payload, 'methodName'), SOURCE, 'protoPayload.methodName');
    const call: AuditCall = {
      service: str(payload, 'serviceName') ?? '',
      method: rawMethod.replace(/^(v\d\w*|beta|alpha)\./, ''),
      resourceName: str(payload, 'resourceName') ?? '',
      request: obj(payload, 'request'),
      bindingDeltas: (arr(path(payload, 'serviceData', 'policyDelta'), 'bindingDeltas') ?? []).filter(
        isObject,
      ),
    };
    const project =
      str(labels, 'project_id') ?? /^projects\/([^/]+)\//.exec(str(input, 'logName') ?? '')?.[1];
    const finding = outcome(input, payload, call);
    const resourceType = str(resource, 'type');
    // Some services log a relative name ('backupRuns/'); the resource's own labels identify it better.
    const qualified = call.resourceName.startsWith('projects/') || call.resourceName.startsWith('//');
    const resourceName =
      (qualified ? call.resourceName : undefined) ??
      str(labels, 'database_id') ??
      str(labels, 'instance_id') ??
      (call.resourceName || resourceType || rawMethod);
    return [
      buildEvent({
        source: SOURCE,
        vendorId: need(str(input, 'insertId'), SOURCE, 'insertId'),
        provider: 'gcp',
        eventType: finding.eventType,
        baseline: finding.baseline,
        accountId: need(project, SOURCE, 'resource.labels.project_id'),
        region: regionOf(labels, payload),
        resource: {
          type: gcpResourceType(resourceType, call.resourceName),
          id: resourceName,
          nativeType: resourceType ?? 'unknown',
          tags: {},
          metadata: {
            ...finding.metadata,
            method: rawMethod,
            service: call.service,
            actor: str(obj(payload, 'authenticationInfo'), 'principalEmail'),
            caller_ip: str(obj(payload, 'requestMetadata'), 'callerIp'),
          },
        },
        timestamp: isoTimestamp(input.timestamp, SOURCE, 'timestamp'),
        raw: input,
      }),
    ];
  },
};

function outcome(input: Json, payload: Json, call: AuditCall): AuditFinding {
  const code = num(obj(payload, 'status'), 'code');
  if (code !== undefined && code !== 0) {
    return { eventType: 'unclassified', baseline: info(`${call.method} failed with status ${code}`) };
  }
  // Long-running compute operations log twice; the first entry carries the request.
  const operation = obj(input, 'operation');
  if (operation && operation.last === true && operation.first !== true && call.request === undefined) {
    return {
      eventType: 'unclassified',
      baseline: info('completion record of an operation logged at its start'),
    };
  }
  return classifyAudit(call);
}

function regionOf(labels: Json | undefined, payload: Json): string {
  const location =
    str(labels, 'zone') ??
    str(labels, 'region') ??
    str(labels, 'location') ??
    (arr(obj(payload, 'resourceLocation'), 'currentLocations')?.[0] as string | undefined);
  if (typeof location !== 'string' || location === '' || location === 'global') return GLOBAL_REGION;
  return regionOfZone(location.toLowerCase());
}
