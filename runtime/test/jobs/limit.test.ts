import { describe, expect, it } from 'vitest';
import { chunk, mapLimited } from '../../src/jobs/limit.js';

describe('mapLimited', () => {
  it('keeps results in input order and never has more than `limit` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapLimited([30, 10, 20, 0, 5], 2, async (n, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((done) => setImmediate(done));
      inFlight--;
      return `${i}:${n}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0', '4:5']);
    expect(peak).toBe(2);
  });

  it('still runs every item when the limit is 0, and returns [] for no items', async () => {
    expect(await mapLimited([1, 2, 3], 0, async (n) => n * 2)).toEqual([2, 4, 6]);
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapLimited([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('item 2 failed');
        return n;
      }),
    ).rejects.toThrow('item 2 failed');
  });
});

describe('chunk', () => {
  it('splits into batches of at most `size`, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });
});
