import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { testRig } from './support/deps.js';
import { bucketMadePublic } from './support/events.js';
import { type Moto, startMoto } from './support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});

function inAccount(event: ReturnType<typeof bucketMadePublic>, account: string) {
  return { ...event, account, detail: { ...event.detail, recipientAccountId: account } };
}

describe('bad triggers', () => {
  it.each([
    ['not JSON', { kind: 'event', event: 'this is not json' }, 'normalise', 'input is not JSON'],
    [
      'a JSON value naming no cloud',
      { kind: 'event', event: { hello: 'world' } },
      'normalise',
      'event names no cloud: no AWS, Azure or GCP marker found',
    ],
    [
      'an unknown envelope',
      {
        kind: 'event',
        event: {
          source: 'aws.mystery',
          'detail-type': 'Mystery Happened',
          account: '123456789012',
          region: 'us-east-1',
          time: '2026-11-22T02:32:15Z',
          id: 'm-1',
          detail: {},
        },
      },
      'normalise',
      /^unknown envelope: no normaliser recognises this aws event/,
    ],
    ['not a trigger', { kind: 'reboot-everything' }, 'accept', /^not a trigger: kind: /],
    [
      'a job trigger naming no known job',
      { kind: 'job', job: 'nightly-nothing' },
      'dispatch',
      'no job named "nightly-nothing"',
    ],
  ] as const)(
    'refuses %s with a clear error, a dead-letter and a do-not-retry status',
    async (_name, trigger, step, message) => {
      const rig = testRig(moto);
      const result = await handleTrigger(trigger, rig.deps);
      expect(result.status).toBe('bad_input');
      const item = result.items[0];
      if (item?.status !== 'bad_input') throw new Error('expected bad_input');
      expect(item.error.message).toMatch(message);
      expect(item.error.exitCode).toBe(2);
      const letters = await rig.deps.state.deadLetters();
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ step, retryable: false, error: { name: item.error.name } });
      expect(letters[0]?.error).toMatchObject({ message: item.error.message });
      const raw = trigger.kind === 'event' ? trigger.event : trigger;
      expect(letters[0]?.raw_input).toBe(typeof raw === 'string' ? raw : JSON.stringify(raw));
    },
  );

  it('dead-letters an event for an account with no credentials, names the account, and answers a redelivery as done', async () => {
    const rig = testRig(moto);
    const event = inAccount(
      bucketMadePublic('elsewhere-bucket', '7e000000-0000-4000-8000-000000000001'),
      '999999999999',
    );

    const result = await handleTrigger({ kind: 'event', event }, rig.deps);

    expect(result.status).toBe('bad_input');
    const item = result.items[0];
    if (item?.status !== 'bad_input') throw new Error('expected bad_input');
    expect(item.error.toUserMessage()).toBe(
      'aws credentials for 999999999999 are incomplete: missing escher/aws/999999999999/access_key_id, escher/aws/999999999999/secret_access_key (run escher creds put aws --account 999999999999 with the missing fields)',
    );
    expect(await rig.deps.state.deadLetters()).toEqual([
      expect.objectContaining({ step: 'act', retryable: false }),
    ]);
    const again = await handleTrigger({ kind: 'event', event }, rig.deps);
    expect(again.items[0]).toMatchObject({ status: 'done', duplicate: true });
    expect(await rig.deps.state.deadLetters()).toHaveLength(1);
  });

  it('dead-letters an event whose bucket no longer exists', async () => {
    const rig = testRig(moto);
    const result = await handleTrigger(
      { kind: 'event', event: bucketMadePublic('long-gone-bucket', '7e000000-0000-4000-8000-000000000002') },
      rig.deps,
    );
    expect(result.status).toBe('bad_input');
    const item = result.items[0];
    if (item?.status !== 'bad_input') throw new Error('expected bad_input');
    expect(item.error).toMatchObject({
      name: 'ResourceGoneError',
      message: 'S3 bucket long-gone-bucket no longer exists',
    });
    const letters = await rig.deps.state.deadLetters();
    expect(letters).toEqual([
      expect.objectContaining({ step: 'act', error: expect.objectContaining({ name: 'ResourceGoneError' }) }),
    ]);
  });
});
