// What the benchmarks share to report their figures: the median of repeated runs, and how
// busy the machine was, since a shared 2-CPU machine's speed drifts from hour to hour.

import { availableParallelism, loadavg } from 'node:os';

/** The middle value (the upper one of an even count); NaN for no values. Leaves `xs` as it is. */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** "load average 1.2 on 2 CPUs": the last minute's load, to print next to timed figures. */
export const machineLoad = (): string =>
  `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs`;
