import { describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { testRig } from '../pipeline/support/deps.js';

describe('the maintenance trigger', () => {
  it('answers done with nothing to maintain when the store holds no snapshot', async () => {
    const rig = testRig(undefined);
    const result = await handleTrigger({ kind: 'maintenance' }, rig.deps);
    expect(result.status).toBe('done');
    expect(rig.logs.map((l) => JSON.parse(l).msg)).toContain('no snapshot in the store; nothing to maintain');
    expect(await rig.deps.state.deadLetters()).toEqual([]);
  });
});
