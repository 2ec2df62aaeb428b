// `make bench` → jobs: the nightly dev shutdown over 1,000 EC2 instances on moto. Prints
// the API calls made per operation (counted by an SDK middleware) and the wall time;
// StopInstances calls must be at most ceil(1000 / batch size) plus retries.

import { EC2Client } from '@aws-sdk/client-ec2';
import { Ec2Fleet } from '../src/clouds/aws/ec2-fleet.js';
import { MemoryOperationLog } from '../src/jobs/operation-log.js';
import { runJob } from '../src/jobs/run-job.js';
import { countCalls, launch, snapshotEstate } from '../test/jobs/aws-estate.js';
import { stopDevJob } from '../test/jobs/fixtures.js';
import { launchMoto } from '../test/support/emulators/moto.js';
import type { Bench } from './benches.js';

const INSTANCES = 1000;
const BATCH = 100;
const REGION = 'eu-north-1';

export const jobsBench: Bench = {
  name: 'jobs',
  async run() {
    const moto = await launchMoto();
    try {
      const ec2 = new EC2Client({
        region: REGION,
        endpoint: moto.endpoint,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        maxAttempts: 6,
        retryMode: 'adaptive',
      });
      await launch(ec2, INSTANCES, { env: 'dev' });
      const estate = await snapshotEstate(ec2, REGION);
      const calls = countCalls(ec2);
      const job = stopDevJob({
        selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'env=dev' },
        guardrails: { max_targets: INSTANCES },
      });
      const started = performance.now();
      const result = await runJob(job, new Date(), {
        estate: async () => estate,
        fleets: () => new Ec2Fleet(ec2, { maxBatch: BATCH, pollIntervalMs: 200 }),
        log: new MemoryOperationLog(),
        actor: 'bench',
      });
      const wallMs = performance.now() - started;
      const stops = calls.get('StopInstancesCommand') ?? 0;
      const bound = Math.ceil(INSTANCES / BATCH);
      const total = [...calls.values()].reduce((a, b) => a + b, 0);
      process.stdout.write(`instances                 ${INSTANCES} (batch size ${BATCH})\n`);
      for (const [name, n] of [...calls].sort()) process.stdout.write(`${name.padEnd(26)}${n}\n`);
      process.stdout.write(`api calls total           ${total}\n`);
      process.stdout.write(
        `StopInstances bound       ${bound} (+ retries) -> ${stops <= bound ? 'ok' : 'EXCEEDED'}\n`,
      );
      process.stdout.write(
        `stopped                   ${result.operations.filter((o) => o.outcome === 'succeeded').length}\n`,
      );
      process.stdout.write(`wall time                 ${(wallMs / 1000).toFixed(2)} s\n`);
      process.stdout.write(`summary                   ${result.summary}\n`);
    } finally {
      await moto.stop();
    }
  },
};
