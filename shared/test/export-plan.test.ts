import { describe, expect, it } from 'vitest';
import {
  compareCounts,
  countsFromStats,
  exportArgs,
  importArgs,
  initArgs,
  ndjsonRecords,
  statsArgs,
} from '../src/deploy/export-plan.js';

// The same plan serves every stack; each cloud's URLs must pass through verbatim.
const STACKS = [
  { cloud: 'aws', store: 's3://escher-state-123/state', secrets: 'ssm:///escher' },
  { cloud: 'azure', store: 'az://escherstad5d146f/state/state', secrets: 'keyvault://escher-kv-ad5d146' },
  { cloud: 'gcp', store: 'gs://acme-prod-42-escher-state/state', secrets: 'gsm://acme-prod-42' },
];

describe('export plan', () => {
  it('reads live record counts per collection from the stats output', () => {
    const stdout = JSON.stringify({
      collections: { events: { count: 3, segments: 1 }, audit: { count: 9 } },
    });
    expect(countsFromStats(stdout)).toEqual({ events: 3, audit: 9 });
  });

  it('refuses stats output that is not JSON, has no collections or no counts', () => {
    expect(() => countsFromStats('oops')).toThrow(
      '`escher state stats --json` printed something that is not JSON',
    );
    expect(() => countsFromStats('{"count":1}')).toThrow('printed no "collections" object');
    expect(() => countsFromStats('{"collections":{"audit":{}}}')).toThrow('with a count for each');
  });

  it('names each collection whose counts differ', () => {
    expect(compareCounts({ audit: 3, cloud_estate: 2 }, { audit: 3, cloud_estate: 1 })).toEqual([
      'cloud_estate: 2 in the cloud, 1 locally',
    ]);
    expect(compareCounts({ audit: 1 }, {})).toEqual(['audit: 1 in the cloud, 0 locally']);
    expect(compareCounts({ audit: 1 }, { audit: 1 })).toEqual([]);
  });

  it('counts the records of an NDJSON export, blank lines aside', () => {
    expect(ndjsonRecords('{"id":"a"}\n\n{"id":"b"}\n')).toBe(2);
    expect(ndjsonRecords('')).toBe(0);
  });

  it.each(STACKS)('reads from the $cloud store with the $cloud secrets', (ref) => {
    const flags = ['--store', ref.store, '--secrets', ref.secrets];
    expect(statsArgs(ref)).toEqual(['state', 'stats', '--json', ...flags]);
    expect(exportArgs(ref, 'audit')).toEqual(['state', 'export', '--collection', 'audit', ...flags]);
  });

  it('leaves --secrets to the CLI default when the store names none', () => {
    const local = { store: 'file:///home/me/.escher/exports/x/state' };
    expect(initArgs(local)).toEqual(['state', 'init', '--store', local.store]);
    expect(importArgs(local, '/home/me/.escher/exports/x/audit.ndjson', 'audit')).toEqual([
      'state',
      'import',
      '/home/me/.escher/exports/x/audit.ndjson',
      '--collection',
      'audit',
      '--store',
      local.store,
    ]);
  });
});
