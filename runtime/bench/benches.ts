// Every benchmark `make bench` runs, in order. Each prints its own figures; adding one
// is adding a module under bench/ and a line here.

import { jobsBench } from './jobs.js';
import { normalizeBench } from './normalize.js';
import { remediationBench } from './remediation.js';
import { reportBench } from './report.js';
import { snapshotBench } from './snapshot.js';

export interface Bench {
  name: string;
  run(): Promise<void>;
}

export const benches: Bench[] = [snapshotBench, normalizeBench, jobsBench, remediationBench, reportBench];
