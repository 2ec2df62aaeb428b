import {
  CreateDBInstanceCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  StartDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, it } from 'vitest';
import { RdsFleet } from '../../src/clouds/aws/rds-fleet.js';
import { signedSnoozeLinks } from '../../src/jobs/notification.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { verifySnoozeToken } from '../../src/jobs/snooze.js';
import type { NotificationInput } from '../../src/notify/notification.js';
import { emulator } from '../support/emulators.js';
import { stopDevJob, vm } from './fixtures.js';

const REGION = 'ap-southeast-2';
let rds: RDSClient;
const key = Buffer.from('webhook-shared-secret-for-tests!');

beforeAll(async () => {
  rds = new RDSClient({
    region: REGION,
    endpoint: emulator('moto').endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  for (const [id, env] of [
    ['orders-dev', 'dev'],
    ['orders-prod', 'prod'],
  ] as const) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: id,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'postgres',
        MasterUsername: 'app',
        MasterUserPassword: 'not-a-real-password',
        AllocatedStorage: 20,
        Tags: [{ Key: 'env', Value: env }],
      }),
    );
  }
});

const status = async (id: string) =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0]
    ?.DBInstanceStatus;

describe('nightly stop of RDS instances (moto)', () => {
  const job = stopDevJob({
    selector: { resource_types: ['database_instance'], clouds: ['aws'], tags: 'env=dev' },
  });
  const estate = ['orders-dev', 'orders-prod'].map((id) =>
    vm(
      'aws',
      id,
      { env: id.endsWith('dev') ? 'dev' : 'prod' },
      { resource_type: 'database_instance', region: REGION, size: 'db.t3.micro' },
    ),
  );
  const log = new MemoryOperationLog();
  const sent: NotificationInput[] = [];
  const deps = {
    estate: async () => estate,
    fleets: () => new RdsFleet(rds, { pollIntervalMs: 10 }),
    log,
    actor: 'runner:test',
    notifier: {
      send: async (n: NotificationInput) => {
        sent.push(n);
        return [];
      },
    },
    snoozeLinks: signedSnoozeLinks('https://escher.example.com/hooks', key),
  };

  it('stops the dev instance only, and notifies with a summary and snooze links', async () => {
    const result = await runJob(job, new Date('2026-11-20T19:00:00Z'), deps);
    expect(await status('orders-dev')).toBe('stopped');
    expect(await status('orders-prod')).toBe('available');
    expect(result.summary).toMatch(/^Stopped 1 database — 1 AWS — in \d+ s; est\. savings \$8\/month$/);
    expect(sent[0]?.summary).toBe(result.summary);
    expect(sent[0]?.lines).toEqual([
      'Next run 2026-11-21T19:00:00.000Z; to skip it: escher jobs snooze dev-nightly-stop --skip --at 2026-11-21T19:00:00.000Z',
    ]);
    const token = new URL(sent[0]?.actions?.[0]?.url ?? 'https://x').searchParams.get('token') ?? '';
    expect(verifySnoozeToken(token, key, new Date('2026-11-20T20:00:00Z'), 'link')).toMatchObject({
      job: 'dev-nightly-stop',
      run_at: '2026-11-21T19:00:00.000Z',
      kind: 'skip',
    });
  });

  it('stops it again after AWS restarts it on day 7, and says so', async () => {
    await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: 'orders-dev' }));
    const result = await runJob(job, new Date('2026-11-27T19:00:00Z'), deps);
    expect(await status('orders-dev')).toBe('stopped');
    expect(result.operations.map((o) => [o.target.resource_id, o.outcome, o.reason])).toEqual([
      ['orders-dev', 'succeeded', 'AWS restarted it after 7 days stopped; stopping it again'],
    ]);
    expect(sent[1]?.lines?.[0]).toBe('1 RDS instance(s) restarted by AWS after 7 days were stopped again');
  });
});
