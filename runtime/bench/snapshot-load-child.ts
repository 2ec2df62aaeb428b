// Runs in a fresh process (plain node on the built runtime) so peak RSS is the load's own:
// open the snapshot, load cloud_estate until query-ready, then time filter lookups and
// top-10 similarity queries. Prints one JSON line of figures.
// argv: storeUrl secretsDir

import { constants, enableCompileCache } from 'node:module';

// Started as bin/escher.js starts a runner: the compile cache first (NODE_COMPILE_CACHE picks
// its folder), then the code. Static imports would be evaluated before this line.
const { status } = enableCompileCache();
const cacheOn =
  status === constants.compileCacheStatus.ENABLED || status === constants.compileCacheStatus.ALREADY_ENABLED;

const { loadRuntimeEnv } = await import('../dist/config/env.js');
const { LocalSecretStore } = await import('../dist/secrets/local-secret-store.js');
const { loadCollection, openSnapshot } = await import('../dist/snapshot/index.js');
const { openObjectStore } = await import('../dist/storage/open-store.js');
const { parseFilter } = await import('../dist/vector/filter.js');

const [storeUrl, secretsDir] = process.argv.slice(2) as [string, string];
const started = performance.now();
const startedCpu = process.cpuUsage();
const store = await openObjectStore(storeUrl, loadRuntimeEnv());
const snap = await openSnapshot(store, new LocalSecretStore(secretsDir));
const loaded = await loadCollection(snap, 'cloud_estate');
const loadMs = performance.now() - started;
// CPU time next to wall time: on a shared machine the wall time mostly measures the queue.
const loadCpu = process.cpuUsage(startedCpu);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
const loadRssMb = process.resourceUsage().maxRSS / 1024;
const count = await loaded.count();

const percentile = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const time = async (n: number, run: (i: number) => Promise<unknown>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    out.push(performance.now() - t);
  }
  return out;
};

const filters = [
  'tags.env=prod',
  'region=eu-west-1,state=running',
  'cloud_provider=gcp,tags.app=billing',
  'account_id=100000047514',
  'tags.owner=team-7,resource_type=database_instance',
].map((f) => parseFilter([f]));
// The first use of a path builds its index; warm them so the figures are steady-state lookups.
const firstFilterMs = (
  await time(1, () => loaded.engine.query({ filter: filters[0], limit: 50 }))
)[0] as number;
for (const filter of filters) await loaded.engine.query({ filter, limit: 1 });
const filterMs = await time(2000, (i) =>
  loaded.engine.query({ filter: filters[i % filters.length], limit: 50 }),
);

const queryVector = new Float32Array(384).map((_, d) => Math.sin(d));
const topQuery = () => loaded.engine.query({ vector: queryVector, limit: 10 });
// The first scan reads every row exactly; the second builds the i8 sketch that later scans
// prune with (vector/i8-sketch.ts). Both are reported on their own, like the first filter.
const [firstTopMs, sketchBuildTopMs] = (await time(2, topQuery)) as [number, number];
const topMs = await time(50, topQuery);
const topFilteredMs = await time(50, () =>
  loaded.engine.query({ vector: queryVector, filter: filters[0], limit: 10 }),
);

process.stdout.write(
  `${JSON.stringify({
    count,
    compileCache: cacheOn,
    loadMs,
    loadCpuMs,
    loadRssMb,
    firstFilterMs,
    filterP50: percentile(filterMs, 0.5),
    filterP99: percentile(filterMs, 0.99),
    firstTopMs,
    sketchBuildTopMs,
    topP50: percentile(topMs, 0.5),
    topP99: percentile(topMs, 0.99),
    topFilteredP99: percentile(topFilteredMs, 0.99),
    queriedRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
