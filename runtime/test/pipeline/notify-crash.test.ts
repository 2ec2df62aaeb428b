// A runner killed in the middle of notifying, then rerun: the channel whose delivery was
// checkpointed before the kill is not sent to again, and the alert lists each channel once.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_SECRETS } from '../../src/notify/setup.js';
import { LocalSecretStore } from '../../src/secrets/local-secret-store.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { type SlackState, slackRoutes } from '../contract/slack.js';
import { homeState } from '../support/state.js';
import { seedBucket } from './support/estate.js';
import { bucketMadePublic } from './support/events.js';
import { ACCOUNT, type Moto, motoEnv, REGION, startMoto } from './support/moto.js';
import { runCli } from './support/spawn-cli.js';
import { REMEDIATED_TIMELINE } from './support/timeline.js';

const slack: SlackState = { hooks: new Set(['T000/B000/CRASH']), received: [] };
let moto: Moto;
let chat: ContractServer;
beforeAll(async () => {
  [moto, chat] = await Promise.all([startMoto(), startContractServer({ routes: slackRoutes(slack) })]);
});
afterAll(async () => {
  await Promise.all([moto.stop(), chat.close()]);
});

describe('a runner killed after one channel got the notification, then rerun', () => {
  it('does not send to that channel again and records every channel once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escher-notify-crash-'));
    const bucket = 'crash-notify-slack';
    await moto.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await moto.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
    await new LocalSecretStore(join(dir, 'secrets')).put(
      NOTIFY_SECRETS.slack,
      `${chat.url}/services/T000/B000/CRASH`,
    );
    const state = homeState(dir);
    await seedBucket(state, bucket, { data_classification: 'PII' });
    const eventId = 'c0000000-0000-4000-8000-0000000000aa';
    const eventFile = join(dir, 'event.json');
    writeFileSync(eventFile, JSON.stringify(bucketMadePublic(bucket, eventId)));
    const env = {
      ...motoEnv(moto),
      ESCHER_HOME: dir,
      ESCHER_SECRETS: `file://${join(dir, 'secrets')}`,
      ESCHER_CONFIG: JSON.stringify({
        home_cloud: 'aws',
        aws: { account: ACCOUNT, region: REGION },
        remediations: ['aws.s3.block_public_access'],
        notifications: { emails: [], sms: [], slack: true, teams: false, pagerduty: false },
      }),
      ESCHER_LEASE_SECONDS: '0.2',
      ESCHER_LOG_LEVEL: 'error',
    };
    const args = ['run', '--event', eventFile, '--store', `file://${join(dir, 'state')}`, '--json'];

    const killed = await runCli(args, { ...env, ESCHER_FAULT_KILL_AFTER: 'notify:slack' });
    expect(killed.signal).toBe('SIGKILL');
    expect(slack.received).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300)); // let the dead runner's lease expire

    const rerun = await runCli(args, env);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(slack.received).toHaveLength(1);
    const alert = await state.getRecord('alerts_events', `alert:aws:aws.cloudtrail:${eventId}`);
    expect(alert).toMatchObject({ status: 'remediated' });
    const notifications = (alert?.notifications ?? []) as { channel: string; ok: boolean }[];
    expect(notifications.map((n) => `${n.channel}:${n.ok}`).sort()).toEqual(['banner:true', 'slack:true']);
    expect(((alert?.timeline ?? []) as { step: string }[]).map((t) => t.step)).toEqual([
      ...REMEDIATED_TIMELINE,
    ]);
  }, 120_000);
});
