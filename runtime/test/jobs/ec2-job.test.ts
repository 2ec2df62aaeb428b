import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ec2Fleet } from '../../src/clouds/aws/ec2-fleet.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { emulator } from '../support/emulators.js';
import { ACCOUNT, countCalls, launch, retag, snapshotEstate } from './aws-estate.js';
import { stopDevJob } from './fixtures.js';

// moto answers a DescribeInstances over 1,000 instances in seconds, not milliseconds.
// A region of its own keeps other tests' instances on the shared moto out of the count.
const REGION = 'eu-west-3';
const MOTO_TIMEOUT = 600_000;

let ec2: EC2Client;
let dev: string[];
let prod: string[];
let calls: Map<string, number>;

beforeAll(async () => {
  ec2 = new EC2Client({
    region: REGION,
    endpoint: emulator('moto').endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  calls = countCalls(ec2);
  dev = await launch(ec2, 600, { env: 'dev' });
  prod = await launch(ec2, 400, { env: 'prod', environment: 'production' });
}, MOTO_TIMEOUT);

async function states(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeInstancesCommand({ NextToken, MaxResults: 1000 }));
    for (const i of (page.Reservations ?? []).flatMap((r) => r.Instances ?? []))
      out.set(i.InstanceId ?? '', i.State?.Name ?? '');
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

describe('dev shutdown on 1,000 EC2 instances (moto)', () => {
  const job = stopDevJob({
    selector: {
      resource_types: ['compute_instance'],
      clouds: ['aws'],
      tags: 'env=dev AND NOT escher:skip=true',
    },
    guardrails: { max_targets: 1000 },
  });
  const fleets = () => new Ec2Fleet(ec2, { maxBatch: 100, pollIntervalMs: 10 });
  const log = new MemoryOperationLog();

  it(
    'stops exactly the dev instances still matching live, and nothing else',
    async () => {
      const estate = await snapshotEstate(ec2, REGION);
      // After the snapshot: ten dev instances opt out, five more become production.
      const optedOut = dev.slice(0, 10);
      const nowProd = dev.slice(10, 15);
      await retag(ec2, optedOut, { 'escher:skip': 'true' });
      await retag(ec2, nowProd, { environment: 'production' });
      calls.clear();

      const result = await runJob(job, new Date('2026-11-20T19:00:00Z'), {
        estate: async () => estate,
        fleets,
        log,
        actor: 'runner:test',
      });

      const after = await states();
      const stopped = [...after].filter(([, s]) => s === 'stopped').map(([id]) => id);
      expect(stopped.sort()).toEqual(dev.slice(15).sort());
      expect(prod.every((id) => after.get(id) === 'running')).toBe(true);
      expect(calls.get('StopInstancesCommand')).toBe(Math.ceil(585 / 100));
      expect(result.operations.filter((o) => o.outcome === 'succeeded')).toHaveLength(585);
      const skipped = result.operations.filter((o) => o.outcome === 'skipped');
      expect(skipped.map((o) => o.target.resource_id).sort()).toEqual([...optedOut, ...nowProd].sort());
      expect(skipped.find((o) => o.target.resource_id === optedOut[0])?.reason).toBe(
        'tags changed since the snapshot; it no longer matches the selector',
      );
      expect(skipped.find((o) => o.target.resource_id === nowProd[0])?.reason).toBe(
        'now tagged environment=production; the job does not allow production',
      );
      expect(result.operations.every((o) => o.target.account === ACCOUNT)).toBe(true);
      expect(log.audit).toHaveLength(585 + 15);
      expect(result.summary).toMatch(
        /^Stopped 585 VMs — 585 AWS — in \d+ s; est\. savings \$11421\/month \(15 skipped\)$/,
      );
    },
    MOTO_TIMEOUT,
  );

  it(
    'makes no stop call on an immediate second run',
    async () => {
      const estate = await snapshotEstate(ec2, REGION);
      calls.clear();
      const result = await runJob(job, new Date('2026-11-21T19:00:00Z'), {
        estate: async () => estate,
        fleets,
        log,
        actor: 'runner:test',
      });
      expect(calls.get('StopInstancesCommand')).toBeUndefined();
      expect(
        result.operations.filter((o) => o.outcome === 'skipped' && o.reason === 'already stopped'),
      ).toHaveLength(585);
    },
    MOTO_TIMEOUT,
  );
});
