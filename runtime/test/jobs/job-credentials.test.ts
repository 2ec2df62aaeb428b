import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { type ExtensionConfig, parseExtensionConfig } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runJobByName } from '../../src/jobs/job-runner.js';
import { createLogger } from '../../src/log.js';
import type { RunnerState } from '../../src/pipeline/state.js';
import { memorySecretStore } from '../../src/runner/memory-secrets.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { awsEnv, runtimeEnvWith } from '../support/emulators.js';
import { homeState } from '../support/state.js';
import { launch, snapshotEstate } from './aws-estate.js';

const HOME = '111122223333';
const MEMBER = '210987654321';
const STRANGER = '444455556666';
const REGION = 'eu-west-1';
// Moto accepts any well-formed keys; these exist only in the secret store.
const KEYS = { accessKeyId: 'AKIAMEMBERSTORED0001', secretAccessKey: 'member-secret-kept-in-the-store' };

let dir: string;
let state: RunnerState;
let member: EC2Client;
const log = createLogger({ level: 'error', redactor: new Redactor() });

function config(): ExtensionConfig {
  return parseExtensionConfig({
    home_cloud: 'aws',
    aws: { account: HOME, region: REGION },
    jobs: [
      {
        name: 'member-stop',
        schedule: { cron: '0 20 * * *', timezone: 'UTC' },
        action: 'stop',
        selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'env=dev' },
      },
    ],
  });
}

beforeAll(async () => {
  // The SDK's default chain finds nothing: a call that succeeds used the stored keys.
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
    vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/credentials');
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/config');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  dir = await mkdtemp(join(tmpdir(), 'escher-job-creds-'));
  state = homeState(dir);
  member = new EC2Client({ region: REGION, endpoint: awsEnv().AWS_ENDPOINT_URL, credentials: KEYS });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  member.destroy();
  await rm(dir, { recursive: true, force: true });
});

const env = () => {
  const { AWS_ACCESS_KEY_ID: _k, AWS_SECRET_ACCESS_KEY: _s, ...rest } = awsEnv();
  return runtimeEnvWith(rest);
};

describe('job runs in member accounts', () => {
  it('reaches an account whose credentials exist only in the secret store', async () => {
    const [id = ''] = await launch(member, 1, { env: 'dev' });
    for (const r of await snapshotEstate(member, REGION)) {
      if (r.resource_id === id)
        await state.putRecord('cloud_estate', `member-${id}`, { ...r, account_id: MEMBER });
    }
    const secrets = memorySecretStore({
      [`escher/aws/${MEMBER}/access_key_id`]: KEYS.accessKeyId,
      [`escher/aws/${MEMBER}/secret_access_key`]: KEYS.secretAccessKey,
    });

    const result = await runJobByName('member-stop', new Date('2026-11-20T20:00:00Z'), {
      env: env(),
      state,
      log,
      config: config(),
      secrets,
    });

    expect(result.operations.map((o) => [o.target.account, o.target.resource_id, o.outcome])).toEqual([
      [MEMBER, id, 'succeeded'],
    ]);
    const after = await member.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    expect(after.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('stopped');
  });

  it('names the secrets to create for an account that has none, and touches nothing', async () => {
    const [id = ''] = await launch(member, 1, { env: 'dev' });
    for (const r of await snapshotEstate(member, REGION)) {
      if (r.resource_id === id)
        await state.putRecord('cloud_estate', `stranger-${id}`, { ...r, account_id: STRANGER });
    }

    const result = await runJobByName('member-stop', new Date('2026-11-21T20:00:00Z'), {
      env: env(),
      state,
      log,
      config: config(),
      secrets: memorySecretStore({}),
    });

    const failed = result.operations.find((o) => o.target.account === STRANGER);
    expect(failed?.outcome).toBe('failed');
    expect(failed?.error).toContain(`no credentials for AWS account ${STRANGER}`);
    expect(failed?.error).toContain(`escher/aws/${STRANGER}/access_key_id`);
    const after = await member.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    expect(after.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('running');
  });
});
