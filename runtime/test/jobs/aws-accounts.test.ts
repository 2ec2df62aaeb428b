import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsClients } from '../../src/clouds/aws/clients.js';
import { cloudFleets } from '../../src/clouds/fleets.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { awsEnv, runtimeEnvWith } from '../support/emulators.js';
import { launch, snapshotEstate } from './aws-estate.js';
import { stopDevJob } from './fixtures.js';

const HOME = '123456789012';
const MEMBER = '210987654321';
const REGION = 'ca-central-1';

beforeAll(() => {
  // The SDK's default chain reads these for the home account, as on a real runner.
  for (const [k, v] of Object.entries(awsEnv())) vi.stubEnv(k, v);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('AWS member accounts', () => {
  it('reaches a member account through AssumeRole and stops only its instances', async () => {
    const clients = new AwsClients(runtimeEnvWith(awsEnv()), {
      homeAccount: HOME,
      memberRole: 'EscherRunner',
    });
    const member = clients.ec2({ account: MEMBER, region: REGION });
    const home = clients.ec2({ account: HOME, region: REGION });
    const [memberId] = await launch(member, 1, { env: 'dev' });
    const [homeId] = await launch(home, 1, { env: 'dev' });

    const memberEstate = (await snapshotEstate(member, REGION)).map((r) => ({ ...r, account_id: MEMBER }));
    expect(memberEstate.map((r) => r.resource_id)).toEqual([memberId]);

    const job = stopDevJob({
      selector: {
        resource_types: ['compute_instance'],
        clouds: ['aws'],
        accounts: [MEMBER],
        tags: 'env=dev',
      },
    });
    const result = await runJob(job, new Date('2026-11-20T19:00:00Z'), {
      estate: async () => memberEstate,
      fleets: cloudFleets({ aws: clients, poll: { pollIntervalMs: 10 } }),
      log: new MemoryOperationLog(),
      actor: 'runner:test',
    });
    expect(result.operations.map((o) => [o.target.account, o.target.resource_id, o.outcome])).toEqual([
      [MEMBER, memberId, 'succeeded'],
    ]);
    const state = async (client: typeof home, id: string | undefined) =>
      (await client.send(new DescribeInstancesCommand({ InstanceIds: [id ?? ''] }))).Reservations?.[0]
        ?.Instances?.[0]?.State?.Name;
    expect(await state(member, memberId)).toBe('stopped');
    expect(await state(home, homeId)).toBe('running');
  });
});
