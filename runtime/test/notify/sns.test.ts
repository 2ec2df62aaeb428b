import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailSubject } from '../../src/notify/channels/sns.js';
import { createNotifier } from '../../src/notify/create-notifier.js';
import type { NotifierConfig } from '../../src/notify/setup.js';
import { launchMoto } from '../support/emulators/moto.js';
import type { RunningEmulator } from '../support/emulators/types.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

let sns: SNSClient;
let topicArn: string;
// A moto of its own: the data dump below serialises every service's state, which on the
// shared moto (thousands of instances and objects from other suites) takes minutes.
let moto: RunningEmulator;

interface MotoSns {
  SMS: { message: string; phone_number: string }[];
  Topic: { arn: string; sent_notifications: unknown[][] }[];
}

/** moto's data dump shows what SNS published: topic messages and SMS. */
async function snsData(): Promise<MotoSns> {
  const dump = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as {
    sns: MotoSns;
  };
  return { ...dump.sns, SMS: dump.sns.SMS.filter((m) => m.phone_number.startsWith('+1415555010')) };
}

beforeAll(async () => {
  moto = await launchMoto();
  sns = new SNSClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'escher-notifications' }))).TopicArn as string;
});

afterAll(async () => {
  sns?.destroy();
  await moto?.stop();
});

const config = (): NotifierConfig => ({
  emails: ['ops@company.example'],
  sms: ['+14155550100', '+14155550101'],
  slack: false,
  teams: false,
  pagerduty: false,
  sns_topic_arn: topicArn,
});

const topicMessages = async () =>
  ((await snsData()).Topic.find((t) => t.arn === topicArn)?.sent_notifications ?? []).map((m) => ({
    message: m[1],
    subject: m[2],
  }));

describe('SNS email and SMS channels (moto)', () => {
  it('publishes CRITICAL to the topic for email and texts every configured number', async () => {
    const results = await createNotifier(config(), memorySecrets(), { log: collectingLogger(), sns }).send(
      bucketFixed,
    );
    expect(results).toEqual([
      { channel: 'email', ok: true },
      { channel: 'sms', ok: true },
    ]);
    expect(await topicMessages()).toEqual([
      {
        subject: "[Escher] CRITICAL: S3 bucket 'my-data' made public",
        message: [
          "🚨 CRITICAL ALERT: S3 bucket 'my-data' made public",
          '',
          'Escher automatically made the bucket private.',
          '',
          '• Exposed for 2 minutes 17 seconds',
          '• Made public by john@company.com',
          '• Verification: bucket now private',
          '',
          'View Full Timeline: https://app.escher.example/alerts/alert-1',
        ].join('\n'),
      },
    ]);
    const sms = (await snsData()).SMS;
    expect(sms.map((s) => s.phone_number).sort()).toEqual(['+14155550100', '+14155550101']);
    expect(sms[0]?.message).toBe(
      "🚨 CRITICAL ALERT: S3 bucket 'my-data' made public. Escher automatically made the bucket private.",
    );
  });

  it('sends HIGH by email only, never SMS', async () => {
    const before = (await snsData()).SMS.length;
    const results = await createNotifier(config(), memorySecrets(), { log: collectingLogger(), sns }).send({
      ...bucketFixed,
      severity: 'HIGH',
    });
    expect(results).toEqual([{ channel: 'email', ok: true }]);
    expect((await snsData()).SMS.length).toBe(before);
  });

  it('reports a missing topic as a failed email channel and still texts', async () => {
    const missing = { ...config(), sns_topic_arn: 'arn:aws:sns:us-east-1:123456789012:deleted-topic' };
    const results = await createNotifier(missing, memorySecrets(), { log: collectingLogger(), sns }).send(
      bucketFixed,
    );
    expect(results[0]).toMatchObject({ channel: 'email', ok: false });
    expect(results[1]).toEqual({ channel: 'sms', ok: true });
  });
});

describe('email subject', () => {
  it('is ASCII and at most 100 characters, as SNS requires', () => {
    const subject = emailSubject({
      ...bucketFixed,
      title: `Bucket ${'x'.repeat(200)} 🚨`,
      lines: [],
      actions: [],
      resolved: true,
    } as never);
    expect(subject).toHaveLength(100);
    expect(subject.startsWith('[Escher] CRITICAL (auto-resolved): Bucket xxx')).toBe(true);
    expect(subject.endsWith('...')).toBe(true);
  });
});
