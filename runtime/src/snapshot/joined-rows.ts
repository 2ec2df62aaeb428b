// A collection's segments read as one run of rows, in commit order, for the engine to adopt
// without parsing payloads: a row's payload is parsed when it is handed out, and a path's
// filter index is joined from the segments' stored postings the first time a filter uses
// it (only segments that do not index the path have their payloads read for it).

import { matchKeys, valueAt } from '../vector/filter.js';
import type { StoredRows } from '../vector/memory-engine.js';
import type { RowIndex } from './row-block.js';

export function joinRows(segments: RowIndex[]): StoredRows {
  const bases = new Uint32Array(segments.length + 1);
  segments.forEach((s, i) => {
    bases[i + 1] = (bases[i] as number) + s.ids.length;
  });
  const total = bases[segments.length] as number;
  const ids: string[] = new Array(total);
  segments.forEach((s, i) => {
    const base = bases[i] as number;
    for (let r = 0; r < s.ids.length; r++) ids[base + r] = s.ids[r] as string;
  });
  /** The segment holding `row` (binary search over the bases). */
  const segmentOf = (row: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bases[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const locate = (row: number): [RowIndex, number] => {
    const s = segmentOf(row);
    return [segments[s] as RowIndex, row - (bases[s] as number)];
  };
  return {
    ids,
    isTombstone(row) {
      const [segment, r] = locate(row);
      return segment.isTombstone(r);
    },
    payload(row) {
      const [segment, r] = locate(row);
      return segment.payload(r);
    },
    index(path) {
      const index = new Map<string, number[]>();
      const add = (value: string, row: number) => {
        const rows = index.get(value);
        if (!rows) index.set(value, [row]);
        else if (rows[rows.length - 1] !== row) rows.push(row);
      };
      segments.forEach((segment, s) => {
        const base = bases[s] as number;
        const postings = segment.postings(path);
        if (postings === 'absent') return;
        if (postings === 'unindexed') {
          for (let r = 0; r < segment.ids.length; r++) {
            const payload = segment.payload(r);
            if (payload) for (const key of matchKeys(valueAt(payload, path))) add(key, base + r);
          }
          return;
        }
        const { values, starts, rows } = postings;
        values.forEach((value, v) => {
          for (let i = starts[v] as number; i < (starts[v + 1] as number); i++)
            add(value, base + (rows[i] as number));
        });
      });
      return index;
    },
  };
}
