// `make bench` → snapshot: a 100,000-point cloud_estate (384-d, realistic payloads) written
// to the local store and to moto S3, then loaded to query-ready in a fresh process that
// reports load time, peak RSS, filter-lookup and top-10 similarity latencies. Targets:
// load ≤ 1.0 s and ≤ 400 MB; filter p99 ≤ 2 ms; top-10 ≤ 25 ms.
// The child starts as bin/escher.js starts a runner (compile cache on, no V8 flags unless
// ESCHER_BENCH_NODE_FLAGS names some to try); one untimed run per store fills its compile
// cache, as the image bakes one, and the figures are medians of the timed runs.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { build as esbuild } from 'esbuild';
// @ts-expect-error: a plain script module without type declarations
import { bundleOptions } from '../scripts/bundle-options.mjs';
import { loadRuntimeEnv } from '../src/config/env.js';
import { LocalSecretStore } from '../src/secrets/local-secret-store.js';
import { appendRecords, initSnapshot } from '../src/snapshot/index.js';
import { openObjectStore } from '../src/storage/open-store.js';
import { launchMoto } from '../test/support/emulators/moto.js';
import type { Bench } from './benches.js';
import { machineLoad, median } from './figures.js';
import { estateBatch } from './snapshot-data.js';

const POINTS = 100_000;
const BATCH = 10_000;
const RUNS = 3;
const NODE_FLAGS = (process.env.ESCHER_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const RUNTIME = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

/**
 * The load child bundled the way the runtime ships (scripts/bundle-options.mjs): a runner
 * loads the bundle, with the SDKs' tree-shaken ES builds, not the tsc output.
 */
async function bundledChild(): Promise<string> {
  const outdir = join(RUNTIME, 'dist', 'bench');
  await esbuild(bundleOptions(RUNTIME, { 'snapshot-load-child': 'bench/snapshot-load-child.ts' }, outdir));
  return join(outdir, 'snapshot-load-child.js');
}

interface Figures {
  count: number;
  compileCache: boolean;
  loadMs: number;
  loadCpuMs: number;
  loadRssMb: number;
  firstFilterMs: number;
  filterP50: number;
  filterP99: number;
  firstTopMs: number;
  sketchBuildTopMs: number;
  topP50: number;
  topP99: number;
  topFilteredP99: number;
  queriedRssMb: number;
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
  const child = await bundledChild();
  const runChild = async () => {
    const { stdout } = await run(process.execPath, [...NODE_FLAGS, child, storeUrl, secretsDir], {
      env: { ...process.env, ...env, NODE_COMPILE_CACHE: join(home, 'compile-cache') },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split('\n').pop() as string) as Figures;
  };
  const warm = await runChild();
  if (!warm.compileCache) throw new Error('the load child could not enable the compile cache');
  const runs: Figures[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await runChild());
  const f = medians(runs);
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  process.stdout.write(
    `${label.padEnd(18)} ${encoding}  points ${f.count}  load ${ms(f.loadMs)} (CPU ${ms(f.loadCpuMs)})  peak RSS ${f.loadRssMb.toFixed(0)} MB  ` +
      `filter p50 ${ms(f.filterP50)} p99 ${ms(f.filterP99)} (first, index build ${ms(f.firstFilterMs)})  ` +
      `top-10 p50 ${ms(f.topP50)} p99 ${ms(f.topP99)} (filtered p99 ${ms(f.topFilteredP99)}; first ${ms(f.firstTopMs)}, ` +
      `second, building the i8 sketch, ${ms(f.sketchBuildTopMs)}; peak RSS after the queries ${f.queriedRssMb.toFixed(0)} MB)  ` +
      `${(bytes / POINTS).toFixed(0)} B/point  ` +
      `${machineLoad()}\n`,
  );
}

/** Each figure's median over the runs (count and the compile cache are the same in every run). */
function medians(runs: Figures[]): Figures {
  const first = runs[0] as Figures;
  const figure = (key: keyof Figures) => median(runs.map((r) => Number(r[key])));
  return Object.fromEntries(
    Object.entries(first).map(([key, value]) => [
      key,
      typeof value === 'number' ? figure(key as keyof Figures) : value,
    ]),
  ) as unknown as Figures;
}

async function runSnapshotBench(): Promise<void> {
  process.stdout.write('targets: load ≤ 1000 ms and ≤ 400 MB; filter p99 ≤ 2 ms; top-10 ≤ 25 ms\n');
  process.stdout.write(
    `load child: node ${process.version} ${NODE_FLAGS.length ? NODE_FLAGS.join(' ') : 'with no V8 flags'} bundled as the runtime ships, ` +
      `compile cache on (filled by one untimed run per store); medians of ${RUNS} runs\n`,
  );
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
