// The bucket scenario against a 10,000-resource estate: the runner's own time from process
// start to the remediation API call (PutPublicAccessBlock), with the emulator's time for
// the calls before it measured separately by a timing proxy in front of moto. Two entry
// paths: the core entry that the Lambda/task/HTTP modes use, and the full `escher run` CLI.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketAclCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { EstateResourceSchema, estateRecordId } from '@escher/shared';
import { ACCOUNT, PII_BUCKET, publicAclEvent, REGION, seedEstate } from '../demo/sample-estate.js';
import { HashEmbedder } from '../src/embed/hash-embedder.js';
import { snapshotRunnerState } from '../src/runner/snapshot-state.js';
import { LocalSecretStore } from '../src/secrets/local-secret-store.js';
import { LocalObjectStore } from '../src/storage/local-store.js';
import { launchMoto } from '../test/support/emulators/moto.js';
import type { Bench } from './benches.js';
import { type ProxiedCall, startTimingProxy } from './remediation-proxy.js';

const ESTATE_SIZE = 10_000;
const RUNS = 5;
const RUNTIME = fileURLToPath(new URL('../', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The core entry, as the platform entry points call it: env → config → deps → handleTrigger. */
const CORE_ENTRY = `
import { readFileSync } from 'node:fs';
const { loadRuntimeEnv } = await import('./dist/config/env.js');
const { Redactor } = await import('./dist/secrets/redactor.js');
const { createLogger } = await import('./dist/log.js');
const { loadDeploymentConfig } = await import('./dist/runner/config.js');
const { buildRunnerDeps } = await import('./dist/runner/deps.js');
const { handleTrigger } = await import('./dist/runner/handle-trigger.js');
const env = loadRuntimeEnv();
const redactor = new Redactor();
const log = createLogger({ level: 'warn', redactor });
const deps = await buildRunnerDeps({ env, config: await loadDeploymentConfig(env), log, redactor });
const result = await handleTrigger({ kind: 'event', event: readFileSync(process.argv[1], 'utf8') }, deps);
process.exitCode = result.status === 'done' ? 0 : 1;
`;

/** The sample estate plus generated resources, in the snapshot as the laptop's sync leaves it. */
async function seedLargeEstate(home: string): Promise<void> {
  const state = snapshotRunnerState(new LocalObjectStore(join(home, 'state')), {
    keySecrets: new LocalSecretStore(join(home, 'secrets')),
    embedder: async () => new HashEmbedder(),
  });
  await seedEstate(state);
  const records = Array.from({ length: ESTATE_SIZE - 5 }, (_, n) => {
    const r = EstateResourceSchema.parse({
      cloud_provider: 'aws',
      resource_type: n % 3 === 0 ? 'object_storage' : 'compute_instance',
      account_id: ACCOUNT,
      region: REGION,
      resource_id: n % 3 === 0 ? `arn:aws:s3:::bench-bucket-${n}` : `i-${n.toString(16).padStart(17, '0')}`,
      tags: { environment: n % 2 ? 'dev' : 'production', team: `team-${n % 17}` },
    });
    return { id: estateRecordId(r), payload: r };
  });
  await state.appendRecords('cloud_estate', records);
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ start: number; code: number | null; err: string }> {
  const start = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, args, {
    cwd: RUNTIME,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ start, code, err })));
}

function split(calls: ProxiedCall[], start: number) {
  const i = calls.findIndex((c) => c.method === 'PUT' && c.url.includes('publicAccessBlock'));
  const fix = calls[i];
  if (!fix) throw new Error('the runner made no PutPublicAccessBlock call');
  const emulator = calls.slice(0, i).reduce((sum, c) => sum + (c.answered - c.arrived), 0);
  return { total: fix.arrived - start, emulator, runner: fix.arrived - start - emulator, calls: i };
}

export const remediationBench: Bench = {
  name: 'remediation (public PII bucket, 10,000-resource estate)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'escher-bench-remediation-'));
    const moto = await launchMoto();
    const proxy = await startTimingProxy(moto.endpoint);
    try {
      await seedLargeEstate(dir);
      const s3 = new S3Client({
        region: REGION,
        endpoint: moto.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      });
      await s3.send(new CreateBucketCommand({ Bucket: PII_BUCKET }));
      const env = {
        ESCHER_HOME: dir,
        ESCHER_STORE: `file://${join(dir, 'state')}`,
        ESCHER_CONFIG: JSON.stringify({
          home_cloud: 'aws',
          aws: { account: ACCOUNT, region: REGION },
          remediations: ['aws.s3.block_public_access'],
        }),
        ESCHER_LOG_LEVEL: 'warn',
        AWS_ENDPOINT_URL: proxy.url,
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
      };
      for (const [label, argsFor] of [
        [
          'core entry (Lambda/task/HTTP path)',
          (file: string) => ['--input-type=module', '-e', CORE_ENTRY, file],
        ],
        ['escher run CLI', (file: string) => ['bin/escher.js', 'run', '--event', file]],
      ] as const) {
        const figures: ReturnType<typeof split>[] = [];
        for (let r = 0; r < RUNS; r++) {
          await s3.send(new DeletePublicAccessBlockCommand({ Bucket: PII_BUCKET }));
          await s3.send(new PutBucketAclCommand({ Bucket: PII_BUCKET, ACL: 'public-read' }));
          const file = join(dir, `event-${label.length}-${r}.json`);
          const event = publicAclEvent(PII_BUCKET, new Date());
          event.detail.eventID = `bench-${label.length}-${r}-${Date.now()}`;
          writeFileSync(file, JSON.stringify(event));
          proxy.calls.length = 0;
          const result = await run(argsFor(file), env);
          if (result.code !== 0) throw new Error(`${label} exited ${result.code}: ${result.err}`);
          figures.push(split(proxy.calls, result.start));
        }
        const fmt = (xs: number[]) =>
          `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
        process.stdout.write(
          `${label}, median of ${RUNS}:\n` +
            `  runner's own time, process start → PutPublicAccessBlock: ${fmt(figures.map((f) => f.runner))}\n` +
            `  emulator time for the ${figures[0]?.calls} AWS calls before it: ${fmt(figures.map((f) => f.emulator))}\n` +
            `  wall time, process start → PutPublicAccessBlock: ${fmt(figures.map((f) => f.total))}\n`,
        );
      }
      process.stdout.write(`target: runner's own time ≤ 400 ms median (estate: ${ESTATE_SIZE} resources)\n`);
    } finally {
      await proxy.close();
      await moto.stop();
    }
  },
};
