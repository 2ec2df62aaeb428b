// `make bench` → snapshot: a 100,000-point cloud_estate (384-d, realistic payloads) written
// to the local store and to moto S3, then loaded to query-ready in a fresh process that
// reports load time, peak RSS, filter-lookup and top-10 similarity latencies. Targets:
// load ≤ 1.0 s and ≤ 400 MB; filter p99 ≤ 2 ms; top-10 ≤ 25 ms.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { loadRuntimeEnv } from '../src/config/env.js';
import { LocalSecretStore } from '../src/secrets/local-secret-store.js';
import { appendRecords, initSnapshot } from '../src/snapshot/index.js';
import { openObjectStore } from '../src/storage/open-store.js';
import { launchMoto } from '../test/support/emulators/moto.js';
import type { Bench } from './benches.js';
import { estateBatch } from './snapshot-data.js';

const POINTS = 100_000;
const BATCH = 10_000;
const child = fileURLToPath(new URL('./snapshot-load-child.ts', import.meta.url));
const run = promisify(execFile);

interface Figures {
  count: number;
  loadMs: number;
  loadCpuMs: number;
  loadRssMb: number;
  firstFilterMs: number;
  filterP50: number;
  filterP99: number;
  topP50: number;
  topP99: number;
  topFilteredP99: number;
}

async function measure(
  label: string,
  storeUrl: string,
  env: Record<string, string>,
  encoding: 'f32' | 'f16' | 'i8',
  home: string,
) {
  const runtimeEnv = loadRuntimeEnv({ ...process.env, ...env });
  const store = await openObjectStore(storeUrl, runtimeEnv);
  const secretsDir = join(home, 'secrets');
  const { snapshot } = await initSnapshot(store, new LocalSecretStore(secretsDir), {
    vectorEncoding: encoding,
  });
  for (let start = 0; start < POINTS; start += BATCH) {
    await appendRecords(snapshot, 'cloud_estate', estateBatch(start, BATCH), { model: 'bench-random-384' });
  }
  const bytes = (await store.list('segments/cloud_estate/')).reduce((sum, o) => sum + o.size, 0);
  const { stdout } = await run(process.execPath, [child, storeUrl, secretsDir], {
    env: { ...process.env, ...env },
    maxBuffer: 1 << 20,
  });
  const f = JSON.parse(stdout.trim().split('\n').pop() as string) as Figures;
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  process.stdout.write(
    `${label.padEnd(18)} ${encoding}  points ${f.count}  load ${ms(f.loadMs)} (CPU ${ms(f.loadCpuMs)})  peak RSS ${f.loadRssMb.toFixed(0)} MB  ` +
      `filter p50 ${ms(f.filterP50)} p99 ${ms(f.filterP99)} (first, index build ${ms(f.firstFilterMs)})  ` +
      `top-10 p50 ${ms(f.topP50)} p99 ${ms(f.topP99)} (filtered p99 ${ms(f.topFilteredP99)})  ${(bytes / POINTS).toFixed(0)} B/point  ` +
      `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs\n`,
  );
}

async function runSnapshotBench(): Promise<void> {
  process.stdout.write('targets: load ≤ 1000 ms and ≤ 400 MB; filter p99 ≤ 2 ms; top-10 ≤ 25 ms\n');
  for (const encoding of ['f16', 'i8', 'f32'] as const) {
    const home = await mkdtemp(join(tmpdir(), 'escher-bench-'));
    try {
      await measure('local store', `file://${join(home, 'state')}`, {}, encoding, home);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }
  const moto = await launchMoto();
  try {
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    for (const encoding of ['f16', 'i8'] as const) {
      const bucket = `escher-bench-${encoding}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const home = await mkdtemp(join(tmpdir(), 'escher-bench-'));
      try {
        await measure('moto S3', `s3://${bucket}/state`, moto.env, encoding, home);
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    }
  } finally {
    await moto.stop();
  }
}

export const snapshotBench: Bench = {
  name: 'snapshot: 100k-point cloud_estate load and queries',
  run: runSnapshotBench,
};
