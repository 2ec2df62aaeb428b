import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AiClient } from '../../src/ai/client.js';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { testRig } from './support/deps.js';

const failedCall = JSON.parse(
  readFileSync('test/fixtures/events/aws/cloudtrail/record-s3-put-bucket-policy-failed.json', 'utf8'),
);
const mystery = {
  source: 'aws.mystery',
  'detail-type': 'Mystery Happened',
  account: '123456789012',
  region: 'us-east-1',
  time: '2026-11-22T02:32:15Z',
  id: 'm-2',
  detail: {},
};

/** Counts the calls an AI server would receive. */
function countingAi(): AiClient & { calls: number } {
  const ai = {
    calls: 0,
    async analyse(): Promise<never> {
      ai.calls++;
      throw new Error('an event that needs no action must not be sent for analysis');
    },
    async summariseReport(): Promise<never> {
      throw new Error('no report is made here');
    },
  };
  return ai;
}

describe('unclassified events from a known source', () => {
  it('records a failed CloudTrail call as an INFO alert with no action and finishes', async () => {
    const ai = countingAi();
    const rig = testRig(undefined, { ai });
    const result = await handleTrigger({ kind: 'event', event: failedCall }, rig.deps);
    expect(result.status).toBe('done');
    const item = result.items[0];
    if (item?.status !== 'done') throw new Error('expected done');
    expect(item.alert).toMatchObject({
      severity: 'INFO',
      status: 'notified',
      decision: [],
      actions: [],
      event: { event_type: 'unclassified', resource: { metadata: { normaliser: 'aws.cloudtrail' } } },
    });
    expect(await rig.deps.state.getRecord('alerts_events', `alert:${item.id}`)).toMatchObject({
      severity: 'INFO',
      actions: [],
    });
    expect(await rig.deps.state.completion(item.id)).toMatchObject({ status: 'notified' });
    expect(await rig.deps.state.deadLetters()).toEqual([]);
    expect(ai.calls).toBe(0);
  });

  it('still dead-letters an envelope no normaliser recognises', async () => {
    const rig = testRig(undefined);
    const result = await handleTrigger({ kind: 'event', event: mystery }, rig.deps);
    expect(result.status).toBe('bad_input');
    expect(await rig.deps.state.listRecords('alerts_events', 'alert:')).toEqual([]);
    const letters = await rig.deps.state.deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ step: 'normalise' });
  });
});
