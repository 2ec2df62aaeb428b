import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetBucketAclCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, motoEnv, REGION, startMoto } from '../pipeline/support/moto.js';
import { runCli } from '../pipeline/support/spawn-cli.js';
import { homeState } from '../support/state.js';

const BUCKET = 'daemon-cli-public';

describe('escher daemon --once --poll-critical', () => {
  it('remediates a bucket made public and records one alert; the next poll adds none', async () => {
    const moto = await startMoto();
    await moto.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await moto.s3.send(new PutBucketAclCommand({ Bucket: BUCKET, ACL: 'public-read' }));
    const home = mkdtempSync(join(tmpdir(), 'escher-daemon-poll-'));
    const env = {
      ESCHER_HOME: home,
      ...motoEnv(moto),
      ESCHER_CONFIG: JSON.stringify({
        home_cloud: 'aws',
        aws: { account: ACCOUNT, region: REGION },
        remediations: ['aws.s3.block_public_access'],
      }),
    };
    const alerts = async () =>
      (await homeState(home).listRecords('alerts_events', 'alert:')).filter((a) =>
        String(a.id).includes(`arn:aws:s3:::${BUCKET}@`),
      );

    const first = await runCli(['daemon', '--once', '--poll-critical'], env);
    expect(first.code, first.stderr).toBe(0);
    const acl = await moto.s3.send(new GetBucketAclCommand({ Bucket: BUCKET }));
    expect(acl.Grants?.some((g) => g.Grantee?.URI?.endsWith('/AllUsers'))).toBe(false);
    expect((await alerts()).map((a) => [a.severity, a.status])).toEqual([['CRITICAL', 'remediated']]);

    const second = await runCli(['daemon', '--once', '--poll-critical'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(await alerts()).toHaveLength(1);
  }, 300_000);

  it('refuses to poll when the config names no cloud account', async () => {
    const home = mkdtempSync(join(tmpdir(), 'escher-daemon-poll-'));
    const result = await runCli(['daemon', '--once', '--poll-critical'], { ESCHER_HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--poll-critical has no account to poll');
  }, 300_000);
});
