// `make bench`: runs the registered benchmarks one after another and prints their figures.
// An optional argument picks benchmarks whose name contains it.

import { benches } from './benches.js';

const filter = process.argv[2];
const selected = benches.filter((b) => !filter || b.name.includes(filter));
for (const bench of selected) {
  process.stdout.write(`\n== ${bench.name}\n`);
  await bench.run();
}
if (selected.length === 0) process.stdout.write('no benchmarks registered\n');
