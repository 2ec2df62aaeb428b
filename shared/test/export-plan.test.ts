import { describe, expect, it } from 'vitest';
import {
  collectionsFromStats,
  exportArgs,
  importLocalArgs,
  initLocalArgs,
  statsArgs,
} from '../src/deploy/export-plan.js';

// The same plan serves both Pulumi stacks; each cloud's URLs must pass through verbatim.
const STACKS = [
  {
    cloud: 'azure',
    stateStoreUrl: 'az://escherstad5d146f/state/state',
    secretsUrl: 'keyvault://escher-kv-ad5d146',
  },
  { cloud: 'gcp', stateStoreUrl: 'gs://acme-prod-42-escher-state/state', secretsUrl: 'gsm://acme-prod-42' },
];
const COPY = { dir: '/home/me/.escher/exports/2026-11-22T02-00-00-000Z' };

describe('export plan', () => {
  it('reads collection names from the stats output, sorted', () => {
    const stdout = JSON.stringify({ collections: { events: { count: 3 }, audit: { count: 9 } } });
    expect(collectionsFromStats(stdout)).toEqual(['audit', 'events']);
  });

  it('refuses stats output that is not JSON or has no collections', () => {
    expect(() => collectionsFromStats('oops')).toThrow(
      '`escher state stats --json` printed something that is not JSON',
    );
    expect(() => collectionsFromStats('{"count":1}')).toThrow('printed no "collections" object');
  });

  it.each(STACKS)('reads from the $cloud store with the $cloud secrets', (URLS) => {
    expect(statsArgs(URLS)).toEqual([
      'state',
      'stats',
      '--json',
      '--store',
      URLS.stateStoreUrl,
      '--secrets',
      URLS.secretsUrl,
    ]);
    expect(exportArgs(URLS, 'audit')).toEqual([
      'state',
      'export',
      '--collection',
      'audit',
      '--store',
      URLS.stateStoreUrl,
      '--secrets',
      URLS.secretsUrl,
    ]);
  });

  it('writes into a fresh local file store beside the NDJSON files', () => {
    const local = ['--store', `file://${COPY.dir}/state`, '--secrets', `file://${COPY.dir}/secrets`];
    expect(initLocalArgs(COPY)).toEqual(['state', 'init', ...local]);
    expect(importLocalArgs(COPY, 'audit')).toEqual([
      'state',
      'import',
      `${COPY.dir}/audit.ndjson`,
      '--collection',
      'audit',
      ...local,
    ]);
  });
});
