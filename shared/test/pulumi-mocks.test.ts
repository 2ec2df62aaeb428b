import { describe, expect, it } from 'vitest';
import { byName, knownCalls, only, type Recorded } from '../src/testing/pulumi-mocks.js';

const RECORDED: Recorded[] = [
  { type: 'gcp:storage/bucket:Bucket', name: 'escher-state', inputs: { name: 'p-escher-state' } },
  { type: 'gcp:storage/bucket:Bucket', name: 'escher-audit', inputs: { name: 'p-escher-audit' } },
  { type: 'gcp:pubsub/topic:Topic', name: 'escher-events', inputs: {} },
];

describe('Pulumi mock suite support', () => {
  it('selects recorded resources by type and by name', () => {
    expect(only(RECORDED, 'gcp:storage/bucket:Bucket').map((r) => r.name)).toEqual([
      'escher-state',
      'escher-audit',
    ]);
    expect(byName(RECORDED, 'escher-audit').inputs).toEqual({ name: 'p-escher-audit' });
  });

  it('names the resources it has when a name is missing', () => {
    expect(() => byName(RECORDED, 'escher-dlq')).toThrow(
      'no resource named escher-dlq; have escher-state, escher-audit, escher-events',
    );
  });

  it('answers known provider calls and fails on any other token', () => {
    const call = knownCalls({
      'gcp:organizations/getProject:getProject': (i) => ({ number: `n-${i.projectId}` }),
    });
    expect(call({ token: 'gcp:organizations/getProject:getProject', inputs: { projectId: 'p' } })).toEqual({
      number: 'n-p',
    });
    expect(() => call({ token: 'gcp:compute/getZones:getZones', inputs: {} })).toThrow(
      'unexpected provider call gcp:compute/getZones:getZones',
    );
  });
});
