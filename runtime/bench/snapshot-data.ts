// A realistic synthetic cloud_estate for the benchmarks: 384-d unit vectors (seeded, so
// every run measures the same data) and payloads shaped like the normalised estate.

import type { SnapshotRecord } from '@escher/shared';
import { seededRandom } from '../test/support/random.js';

const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
const TYPES = [
  'compute_instance',
  'database_instance',
  'object_storage',
  'load_balancer',
  'kubernetes_cluster',
];
const REGIONS = ['us-east-1', 'eu-west-1', 'westeurope', 'europe-west1', 'ap-southeast-2', 'eastus'];
const STATES = ['running', 'stopped', 'available', 'terminated'];
const ENVS = ['dev', 'staging', 'prod', 'sandbox'];
const APPS = ['web', 'api', 'billing', 'search', 'etl', 'auth', 'reports', 'ml'];

export function estateBatch(start: number, count: number, dims = 384, seed = 42): SnapshotRecord[] {
  const rnd = seededRandom(seed + start);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const out: SnapshotRecord[] = [];
  for (let i = start; i < start + count; i++) {
    const vector = new Array<number>(dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = rnd() * 2 - 1;
      vector[d] = x;
      norm += x * x;
    }
    for (let d = 0; d < dims; d++) vector[d] = (vector[d] as number) / Math.sqrt(norm);
    const provider = pick(PROVIDERS);
    const account = String(100000000000 + (i % 40) * 7919);
    out.push({
      id: `${provider}-${account}-${i.toString(36)}`,
      vector,
      payload: {
        cloud_provider: provider,
        resource_type: pick(TYPES),
        account_id: account,
        region: pick(REGIONS),
        state: pick(STATES),
        name: `${pick(APPS)}-${i.toString(36)}`,
        tags: { env: pick(ENVS), app: pick(APPS), owner: `team-${i % 25}`, cost_center: `cc-${i % 12}` },
        encrypted_data: `{"arn":"arn:${provider}:resource:${account}:${i}","sg":["sg-${(i * 31).toString(16)}"],"iam":"role/app-${i % 50}"}`,
      },
    });
  }
  return out;
}
