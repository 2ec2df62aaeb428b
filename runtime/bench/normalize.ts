// `make bench` → normalize: throughput of event normalisation on one core over a mixed
// corpus (every vendor fixture: AWS, Azure and GCP sources, envelopes and batches),
// from parsed JSON and from raw text. Target: ≥ 50,000 events/s.

import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The compiled build, as the runner ships it (`make bench` builds first): a TypeScript
// loader's per-closure helpers would otherwise be measured along with the normalisers.
import { normalize, normalizeText } from '../dist/normalize/index.js';
import type { Bench } from './benches.js';

const root = fileURLToPath(new URL('../test/fixtures/events/', import.meta.url));
const TARGET = 50_000;
const ROUNDS = 6;
const ROUND_SECONDS = 0.75;
const now = () => new Date(0);

/**
 * Events per CPU-second of this single-threaded process: the rate on one core, whatever
 * else the machine runs. Several short rounds; the best one is the figure (like `timeit`'s
 * minimum, it is the run least disturbed by other processes), the median shows the spread.
 */
function measure(label: string, inputs: unknown[], one: (input: unknown) => number): number {
  for (let i = 0; i < 20_000; i++) one(inputs[i % inputs.length]);
  const rates: number[] = [];
  let events = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let n = 0;
    let calls = 0;
    const cpu0 = process.cpuUsage();
    const until = process.hrtime.bigint() + BigInt(Math.round(ROUND_SECONDS * 1e9));
    while (process.hrtime.bigint() < until) {
      for (let i = 0; i < 200; i++) n += one(inputs[(calls + i) % inputs.length]);
      calls += 200;
    }
    const used = process.cpuUsage(cpu0);
    rates.push(n / ((used.user + used.system) / 1e6));
    events += n;
  }
  rates.sort((a, b) => a - b);
  const best = rates[rates.length - 1] ?? 0;
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
  process.stdout.write(
    `${label.padEnd(18)} ${fmt(best)} events/s on one core (best of ${ROUNDS}; median ${fmt(median).trim()})` +
      `  ${events.toLocaleString('en-US')} events\n`,
  );
  return best;
}

export const normalizeBench: Bench = {
  name: 'normalize',
  async run() {
    const files = globSync('**/*.json', { cwd: root }).sort();
    const texts = files.map((f) => readFileSync(root + f, 'utf8'));
    const parsed = texts.map((t) => JSON.parse(t) as unknown);
    process.stdout.write(
      `corpus: ${files.length} fixtures (AWS, Azure, GCP; envelopes and batches), one core\n`,
    );
    const fromJson = measure('from parsed JSON', parsed, (input) => normalize(input, { now }).events.length);
    measure('from raw text', texts, (input) => normalizeText(input as string, { now }).events.length);
    const verdict = fromJson >= TARGET ? 'meets' : 'MISSES';
    process.stdout.write(`${verdict} the target of ${TARGET.toLocaleString('en-US')} events/s\n`);
  },
};
