import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetPublicAccessBlockCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { PIPELINE_STEPS } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeState } from '../support/state.js';
import { seedBucket } from './support/estate.js';
import { bucketMadePublic } from './support/events.js';
import { ACCOUNT, type Moto, motoEnv, REGION, startMoto } from './support/moto.js';
import { runCli } from './support/spawn-cli.js';
import { REMEDIATED_TIMELINE } from './support/timeline.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});

describe('a runner killed with SIGKILL at a step boundary, then rerun', () => {
  it.each(PIPELINE_STEPS.map((step, i) => [step, i] as const))(
    'finishes the work exactly once when killed after %s',
    async (step, i) => {
      const dir = mkdtempSync(join(tmpdir(), 'escher-crash-'));
      const bucket = `crash-${i}-${step.replace('_', '-')}`;
      await moto.s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await moto.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
      const state = homeState(dir);
      await seedBucket(state, bucket, { data_classification: 'PII' });
      const eventFile = join(dir, 'event.json');
      writeFileSync(
        eventFile,
        JSON.stringify(bucketMadePublic(bucket, `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`)),
      );
      const config = {
        home_cloud: 'aws',
        aws: { account: ACCOUNT, region: REGION },
        remediations: ['aws.s3.block_public_access'],
      };
      const env = {
        ...motoEnv(moto),
        ESCHER_HOME: dir,
        ESCHER_CONFIG: JSON.stringify(config),
        ESCHER_LEASE_SECONDS: '0.2',
        ESCHER_LOG_LEVEL: 'error',
      };
      const args = ['run', '--event', eventFile, '--store', `file://${join(dir, 'state')}`, '--json'];

      const killed = await runCli(args, { ...env, ESCHER_FAULT_KILL_AFTER: step });
      expect(killed.signal).toBe('SIGKILL');
      await new Promise((r) => setTimeout(r, 300)); // let the dead runner's lease expire

      const rerun = await runCli(args, env);
      expect(rerun.stderr).toBe('');
      expect(rerun.code).toBe(0);
      const block = await moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
      expect(block.PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
      const operations = await state.listRecords('executed_operations', 'op:');
      expect(operations.map((o) => [o.action, o.outcome, o.verified])).toEqual([
        ['aws.s3.block_public_access', 'succeeded', true],
      ]);
      expect(await state.listRecords('audit', 'audit:')).toHaveLength(1);
      const alert = await state.getRecord(
        'alerts_events',
        `alert:aws:aws.cloudtrail:c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
      expect(alert).toMatchObject({ status: 'remediated', severity: 'CRITICAL' });
      expect(((alert?.timeline ?? []) as { step: string }[]).map((t) => t.step)).toEqual([
        ...REMEDIATED_TIMELINE,
      ]);
    },
    300_000,
  );
});
