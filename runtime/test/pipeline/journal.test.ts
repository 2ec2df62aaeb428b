// The journal's deferred checkpoints: steps without side effects are written together just
// before the first action, the decision last, and a rerun reuses whatever was written.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/pipeline/journal.js';
import type { Checkpoint, RunCoordination } from '../../src/pipeline/state.js';
import { objectCoordination } from '../../src/runner/object-state.js';
import { LocalObjectStore } from '../../src/storage/local-store.js';

const clock = () => new Date('2026-11-22T02:32:15Z');

/** The local store's coordination objects, with every checkpoint write and boundary logged. */
function recorded() {
  const state = objectCoordination(new LocalObjectStore(mkdtempSync(join(tmpdir(), 'escher-journal-'))));
  const log: string[] = [];
  const logged: RunCoordination = {
    ...state,
    async saveCheckpoint(key, index, checkpoint) {
      log.push(`save ${checkpoint.step}`);
      await state.saveCheckpoint(key, index, checkpoint);
    },
  };
  const journal = async () =>
    new Journal(logged, 'evt-1', await state.checkpoints('evt-1'), clock, (step) =>
      log.push(`boundary ${step}`),
    );
  return { log, journal, checkpoints: () => state.checkpoints('evt-1') as Promise<Checkpoint[]> };
}

const run = (data: string) => async () => ({ text: data, data });

describe('the journal', () => {
  it('writes deferred checkpoints only at flush, the last one after the others, then the boundaries', async () => {
    const { log, journal, checkpoints } = recorded();
    const j = await journal();
    await j.step('normalise', 100, run('n'), { defer: true });
    await j.step('analyse', 400, run('a'), { defer: true });
    await j.step('decide', 500, run('d'), { defer: true });
    expect(log).toEqual([]);
    expect(await checkpoints()).toEqual([]);
    await j.flush();
    expect(log.slice(0, 2).sort()).toEqual(['save analyse', 'save normalise']);
    expect(log.slice(2)).toEqual([
      'save decide',
      'boundary normalise',
      'boundary analyse',
      'boundary decide',
    ]);
    await j.step('act#0', 600, run('x'));
    expect(log.slice(-2)).toEqual(['save act#0', 'boundary act#0']);
    expect((await checkpoints()).map((c) => c.step)).toEqual(['normalise', 'analyse', 'decide', 'act#0']);
    expect(j.timeline().map((t) => t.step)).toEqual(['normalise', 'analyse', 'decide', 'act']);
  });

  it('lets a rerun reuse the flushed outputs and redo only what was never written', async () => {
    const { journal } = recorded();
    const first = await journal();
    await first.step('normalise', 100, run('n'), { defer: true });
    await first.step('analyse', 400, run('first answer'), { defer: true });
    await first.flush();
    await first.step('decide', 500, run('never flushed'), { defer: true });

    const rerun = await journal();
    expect(await rerun.step('analyse', 400, run('second answer'), { defer: true })).toBe('first answer');
    expect(await rerun.step('decide', 500, run('decided again'), { defer: true })).toBe('decided again');
  });
});
