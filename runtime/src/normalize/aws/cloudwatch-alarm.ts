// CloudWatch alarm state changes, in the three shapes AWS delivers them: the EventBridge
// "CloudWatch Alarm State Change" event, the Lambda alarm-action payload, and the
// classic SNS alarm message (AlarmName/NewStateValue…).

import type { EventType } from '@escher/shared';
import { type Baseline, buildEvent } from '../build-event.js';
import { arr, isoTimestamp, type Json, need, obj, path, str } from '../fields.js';
import { high, info } from '../severity.js';
import type { EventSource } from '../source.js';
import { alarmSubject } from './alarm-subject.js';
import { arnParts, eventBridgeBase, isEventBridge } from './eventbridge.js';

const SOURCE = 'aws.cloudwatch-alarm';

interface AlarmFacts {
  vendorId: string;
  account: string;
  region: string;
  time: string;
  alarmName: string;
  alarmArn: string;
  state: string;
  previous: string | undefined;
  dimensions: unknown;
}

export const cloudwatchAlarm: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    isEventBridge(input, 'aws.cloudwatch', ['CloudWatch Alarm State Change']) ||
    (input.source === 'aws.cloudwatch' && 'alarmData' in input) ||
    (typeof input.AlarmName === 'string' && 'NewStateValue' in input),
  normalise(input) {
    const facts =
      'alarmData' in input ? fromLambda(input) : 'detail' in input ? fromEventBridge(input) : fromSns(input);
    const subject = alarmSubject(facts.dimensions, facts.alarmArn);
    const [eventType, baseline] = classify(facts.state, facts.alarmName);
    return [
      buildEvent({
        source: SOURCE,
        vendorId: facts.vendorId,
        provider: 'aws',
        eventType,
        baseline,
        accountId: facts.account,
        region: facts.region,
        resource: {
          ...subject,
          name: subject.type === 'monitoring_alarm' ? facts.alarmName : undefined,
          metadata: {
            alarm_name: facts.alarmName,
            alarm_arn: facts.alarmArn,
            state: facts.state,
            previous_state: facts.previous,
          },
        },
        timestamp: facts.time,
        raw: input,
      }),
    ];
  },
};

function classify(state: string, alarm: string): [EventType, Baseline] {
  if (state === 'ALARM') return ['metric_alarm_firing', high(`alarm ${alarm} is in ALARM`)];
  if (state === 'OK') return ['metric_alarm_resolved', info(`alarm ${alarm} returned to OK`)];
  return ['metric_alarm_no_data', info(`alarm ${alarm} is ${state}`)];
}

function fromEventBridge(input: Json): AlarmFacts {
  const base = eventBridgeBase(input, SOURCE);
  const metric = path(arr(obj(base.detail, 'configuration'), 'metrics')?.[0], 'metricStat', 'metric');
  const alarmName = need(str(base.detail, 'alarmName'), SOURCE, 'detail.alarmName');
  const first = arr(input, 'resources')?.[0];
  return {
    vendorId: base.id,
    account: base.account,
    region: base.region,
    time: base.time,
    alarmName,
    alarmArn:
      typeof first === 'string' && first
        ? first
        : `arn:aws:cloudwatch:${base.region}:${base.account}:alarm:${alarmName}`,
    state: need(str(obj(base.detail, 'state'), 'value'), SOURCE, 'detail.state.value'),
    previous: str(obj(base.detail, 'previousState'), 'value'),
    dimensions: path(metric, 'dimensions'),
  };
}

function fromLambda(input: Json): AlarmFacts {
  const data = need(obj(input, 'alarmData'), SOURCE, 'alarmData');
  const state = need(obj(data, 'state'), SOURCE, 'alarmData.state');
  const alarmArn = need(str(input, 'alarmArn'), SOURCE, 'alarmArn');
  const metric = path(arr(obj(data, 'configuration'), 'metrics')?.[0], 'metricStat', 'metric');
  return {
    vendorId: `${alarmArn}@${str(state, 'timestamp') ?? str(input, 'time') ?? ''}`,
    account: need(str(input, 'accountId'), SOURCE, 'accountId'),
    region: need(str(input, 'region'), SOURCE, 'region'),
    time: isoTimestamp(input.time, SOURCE, 'time'),
    alarmName: need(str(data, 'alarmName'), SOURCE, 'alarmData.alarmName'),
    alarmArn,
    state: need(str(state, 'value'), SOURCE, 'alarmData.state.value'),
    previous: str(obj(data, 'previousState'), 'value'),
    dimensions: path(metric, 'dimensions'),
  };
}

function fromSns(input: Json): AlarmFacts {
  const alarmArn = need(str(input, 'AlarmArn'), SOURCE, 'AlarmArn');
  // The classic message's Region is a display name ("US East (N. Virginia)"); the ARN has the code.
  const arn = need(arnParts(alarmArn), SOURCE, 'AlarmArn');
  const changed = need(str(input, 'StateChangeTime'), SOURCE, 'StateChangeTime');
  return {
    vendorId: `${alarmArn}@${changed}`,
    account: str(input, 'AWSAccountId') ?? need(arn.account || undefined, SOURCE, 'AWSAccountId'),
    region: need(arn.region || undefined, SOURCE, 'AlarmArn'),
    time: isoTimestamp(changed, SOURCE, 'StateChangeTime'),
    alarmName: need(str(input, 'AlarmName'), SOURCE, 'AlarmName'),
    alarmArn,
    state: need(str(input, 'NewStateValue'), SOURCE, 'NewStateValue'),
    previous: str(input, 'OldStateValue'),
    dimensions: path(input, 'Trigger', 'Dimensions'),
  };
}
