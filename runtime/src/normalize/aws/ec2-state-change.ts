// "EC2 Instance State-change Notification": an instance entered pending, running,
// stopping, stopped, shutting-down or terminated.

import { buildEvent } from '../build-event.js';
import { need, str } from '../fields.js';
import { info, medium } from '../severity.js';
import type { EventSource } from '../source.js';
import { eventBridgeBase, isEventBridge } from './eventbridge.js';

const SOURCE = 'aws.ec2-state-change';

export const ec2StateChange: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) => isEventBridge(input, 'aws.ec2', ['EC2 Instance State-change Notification']),
  normalise(input) {
    const base = eventBridgeBase(input, SOURCE);
    const instanceId = need(str(base.detail, 'instance-id'), SOURCE, 'detail.instance-id');
    const state = need(str(base.detail, 'state'), SOURCE, 'detail.state');
    // Termination destroys instance-store data and cannot be undone; the rest is routine.
    const baseline =
      state === 'terminated' || state === 'shutting-down'
        ? medium(`instance ${state}: irreversible`)
        : info(`instance ${state}`);
    return [
      buildEvent({
        source: SOURCE,
        vendorId: base.id,
        provider: 'aws',
        eventType: 'instance_state_changed',
        baseline,
        accountId: base.account,
        region: base.region,
        resource: {
          type: 'compute_instance',
          id: instanceId,
          nativeType: 'AWS::EC2::Instance',
          metadata: { state },
        },
        timestamp: base.time,
        raw: input,
      }),
    ];
  },
};
