// Azure Resource Manager events from Event Grid (a subscription or resource-group
// system topic): Microsoft.Resources.ResourceWriteSuccess / DeleteSuccess /
// ActionSuccess and their Failure/Cancel twins, in the Event Grid schema
// (eventType, eventTime, topic) or CloudEvents 1.0 (type, time, source). Batches
// (arrays) are split before this source sees them.
// ARM events carry no region; enrichment adds it from the inventory.

import { type EventType, UNKNOWN } from '@escher/shared';
import type { Baseline } from '../build-event.js';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, need, obj, str } from '../fields.js';
import { info } from '../severity.js';
import type { EventSource } from '../source.js';
import { azureResourceType, parseAzureId, subscriptionOf } from './resource-id.js';

const SOURCE = 'azure.event-grid-resource';
const PREFIX = 'Microsoft.Resources.Resource';

const VM_STATE = /\/virtualmachines\/(start|restart|deallocate|poweroff|redeploy)\/action$/i;

export const eventGridResource: EventSource = {
  name: SOURCE,
  provider: 'azure',
  recognise: (input) => {
    const type = input.eventType ?? input.type;
    return typeof type === 'string' && type.startsWith(PREFIX);
  },
  normalise(input) {
    const cloudEvent = typeof input.specversion === 'string';
    const typeField = cloudEvent ? 'type' : 'eventType';
    const type = need(str(input, typeField), SOURCE, typeField);
    const data = need(obj(input, 'data'), SOURCE, 'data');
    const resourceUri = need(str(data, 'resourceUri') ?? str(input, 'subject'), SOURCE, 'data.resourceUri');
    const operation = str(data, 'operationName') ?? str(obj(data, 'authorization'), 'action') ?? '';
    const parsed = parseAzureId(resourceUri);
    const [eventType, baseline] = classify(type.slice(PREFIX.length), operation);
    const topic = str(input, cloudEvent ? 'source' : 'topic');
    return [
      buildEvent({
        source: SOURCE,
        vendorId: need(str(input, 'id'), SOURCE, 'id'),
        provider: 'azure',
        eventType,
        baseline,
        accountId: need(
          str(data, 'subscriptionId') ?? parsed.subscription ?? subscriptionOf(topic),
          SOURCE,
          'data.subscriptionId',
        ),
        region: UNKNOWN,
        resource: {
          type: azureResourceType(parsed.nativeType),
          id: resourceUri,
          name: parsed.name,
          nativeType: parsed.nativeType,
          metadata: {
            operation,
            status: str(data, 'status'),
            resource_group: parsed.resourceGroup,
            caller: str(obj(data, 'claims'), 'name') ?? str(obj(data, 'claims'), 'appid'),
            correlation_id: str(data, 'correlationId'),
          },
        },
        timestamp: isoTimestamp(
          input[cloudEvent ? 'time' : 'eventTime'],
          SOURCE,
          cloudEvent ? 'time' : 'eventTime',
        ),
        raw: input,
      }),
    ];
  },
};

function classify(outcome: string, operation: string): [EventType, Baseline] {
  if (!outcome.endsWith('Success')) return ['unclassified', info(`operation ${operation} ended ${outcome}`)];
  const verb = outcome.slice(0, -'Success'.length);
  if (verb === 'Delete') return ['resource_deleted', info(`${operation} succeeded`)];
  if (verb === 'Action') {
    if (VM_STATE.test(operation)) return ['instance_state_changed', info(`${operation} succeeded`)];
    return ['resource_modified', info(`${operation} succeeded`)];
  }
  return ['resource_modified', info(`${operation} succeeded (create or update)`)];
}
