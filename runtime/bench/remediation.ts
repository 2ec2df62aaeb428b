// The bucket scenario against a 10,000-resource estate: the runner's own time from process
// start to the remediation API call (PutPublicAccessBlock), with the emulator's time for
// the calls before it measured separately by a timing proxy in front of moto. Two entry
// paths, both started as the image starts them (bin/escher.js, which loads the bundle):
// container task mode (`escher task`, the trigger in ESCHER_TRIGGER; Lambda and HTTP build
// the same runner through the same entry code) and the `escher run` CLI.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
import { machineLoad, median } from './figures.js';
import { busyTime, type ProxiedCall, startTimingProxy, type TimingProxy } from './remediation-proxy.js';

const ESTATE_SIZE = 10_000;
const RUNS = 5;
/** V8/Node flags to try on the runner (e.g. --cpu-prof); none by default, as the image runs it. */
const NODE_FLAGS = (process.env.ESCHER_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const RUNTIME = fileURLToPath(new URL('../', import.meta.url));

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

interface EntryPath {
  label: string;
  /** node's arguments for one run, given the event's text and a file holding it. */
  run(event: string, file: string): string[];
  env(event: string): Record<string, string>;
}

const CLOCK_TICKS_PER_S = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A process's CPU time so far (user + system, all threads) from /proc; undefined off Linux. */
function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

function run(
  args: string[],
  env: Record<string, string>,
  proxy: TimingProxy,
): Promise<{ start: number; code: number | null; err: string; cpuAtFix: number | undefined }> {
  const start = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
    cwd: RUNTIME,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let cpuAtFix: number | undefined;
  proxy.onArrive = (call) => {
    if (isFix(call) && child.pid !== undefined) cpuAtFix ??= cpuTimeMs(child.pid);
  };
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ start, code, err, cpuAtFix })));
}

/**
 * bin/escher.js starts from the bundle only while it is no older than the last compile, as
 * the image always does. Another compile in this working tree (a typecheck, a test run)
 * would silently switch the runs to the tsc output, so the bench bundles first and checks after.
 */
function bundleIsCurrent(): boolean {
  const mtime = (rel: string) => statSync(join(RUNTIME, rel), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return (
    mtime('dist/bundle/escher.js') >=
    Math.max(mtime('tsconfig.tsbuildinfo'), mtime('../shared/tsconfig.tsbuildinfo'))
  );
}

function bundle(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: RUNTIME, stdio: 'ignore' });
}

/**
 * Node's own start and exit with nothing to run (`node -e 0`), median of 5: the floor under
 * the runner's figure, and a gauge of how fast the machine is at the moment, since a shared
 * 2-CPU machine can run twice as slow from one hour to the next.
 */
function bareNodeStartMs(): number {
  const runs = Array.from({ length: 5 }, () => {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    return performance.now() - start;
  });
  return median(runs);
}

const isFix = (c: ProxiedCall) => c.method === 'PUT' && c.url.includes('publicAccessBlock');

function split(calls: ProxiedCall[], start: number) {
  const fix = calls.find(isFix);
  if (!fix) throw new Error('the runner made no PutPublicAccessBlock call');
  // Only what the emulator did before the fix arrived counts against the wall time.
  const before = calls
    .filter((c) => c !== fix && c.arrived < fix.arrived)
    .map((c) => ({ arrived: c.arrived, answered: Math.min(c.answered || fix.arrived, fix.arrived) }));
  const emulator = busyTime(before);
  return {
    total: fix.arrived - start,
    emulator,
    runner: fix.arrived - start - emulator,
    calls: before.length,
  };
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
        // The bench's own compile cache, filled by each path's warm-up run.
        NODE_COMPILE_CACHE: join(dir, 'compile-cache'),
        AWS_ENDPOINT_URL: proxy.url,
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
      };
      const paths: EntryPath[] = [
        {
          label: 'core entry (escher task, as the image runs it for ECS/ACI/Cloud Run jobs)',
          run: () => ['bin/escher.js', 'task'],
          env: (event) => ({ ESCHER_TRIGGER: event }),
        },
        {
          label: 'escher run CLI',
          run: (_event, file) => ['bin/escher.js', 'run', '--event', file],
          env: () => ({}),
        },
      ];
      for (const path of paths) {
        bundle();
        const once = async (tag: string) => {
          await s3.send(new DeletePublicAccessBlockCommand({ Bucket: PII_BUCKET }));
          await s3.send(new PutBucketAclCommand({ Bucket: PII_BUCKET, ACL: 'public-read' }));
          const event = publicAclEvent(PII_BUCKET, new Date());
          event.detail.eventID = `bench-${tag}-${Date.now()}`;
          const text = JSON.stringify(event);
          const file = join(dir, `event-${tag}.json`);
          writeFileSync(file, text);
          proxy.calls.length = 0;
          const result = await run(path.run(text, file), { ...env, ...path.env(text) }, proxy);
          if (result.code !== 0) throw new Error(`${path.label} exited ${result.code}: ${result.err}`);
          return { ...split(proxy.calls, result.start), cpu: result.cpuAtFix };
        };
        // One unmeasured run fills the compile cache, as the image's baked cache is filled.
        await once(`${paths.indexOf(path)}-warm-up`);
        const figures: Awaited<ReturnType<typeof once>>[] = [];
        for (let r = 0; r < RUNS; r++) figures.push(await once(`${paths.indexOf(path)}-${r}`));
        if (!bundleIsCurrent())
          throw new Error(
            'a compile during the runs left the bundle behind it: run the bench again on a quiet tree',
          );
        const fmt = (xs: number[]) =>
          `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
        const cpu = figures.flatMap((f) => (f.cpu === undefined ? [] : [f.cpu]));
        process.stdout.write(
          `${path.label}${NODE_FLAGS.length ? ` with ${NODE_FLAGS.join(' ')}` : ''}, median of ${RUNS} after one warm-up run:\n` +
            `  runner's own time, process start → PutPublicAccessBlock: ${fmt(figures.map((f) => f.runner))}\n` +
            `  emulator time (busy, overlaps counted once) for the ${figures[0]?.calls} AWS calls before it: ${fmt(figures.map((f) => f.emulator))}\n` +
            `  wall time, process start → PutPublicAccessBlock: ${fmt(figures.map((f) => f.total))}\n` +
            (cpu.length > 0
              ? `  runner CPU time (all threads) until PutPublicAccessBlock: ${fmt(cpu)}\n`
              : ''),
        );
      }
      process.stdout.write(
        `machine: node's own start (node -e 0) ${bareNodeStartMs().toFixed(0)} ms median of 5; ` +
          `${machineLoad()}\n` +
          `target: runner's own time ≤ 400 ms median (estate: ${ESTATE_SIZE} resources)\n`,
      );
    } finally {
      await proxy.close();
      await moto.stop();
    }
  },
};
