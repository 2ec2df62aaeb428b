import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunCoordination } from '../../src/pipeline/state.js';
import { MAX_NAME, objectName } from '../../src/runner/object-names.js';
import { objectCoordination } from '../../src/runner/object-state.js';
import { LocalObjectStore } from '../../src/storage/local-store.js';

// A security rule's resource id as Azure writes it: 275 bytes encoded, more than a file name holds.
const AZURE_ID =
  '/subscriptions/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/escher-production-shared-networking-westeurope' +
  '/providers/Microsoft.Network/networkSecurityGroups/escher-production-web-frontend-nsg' +
  '/securityRules/allow-rdp-from-internet-for-vendor-support';
const SIBLING_ID = AZURE_ID.replace('allow-rdp-', 'allow-ssh-');

let dir: string;
let state: RunCoordination;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'escher-object-state-'));
  state = objectCoordination(new LocalObjectStore(dir));
});

describe('objectName', () => {
  it('keeps a short id readable and unchanged', () => {
    expect(objectName('aws-i-0abc/us-east-1')).toBe('aws-i-0abc%2Fus-east-1');
  });

  it('bounds a long id to a readable head, a marker and the SHA-256 of the whole id', () => {
    const name = objectName(AZURE_ID);
    expect(encodeURIComponent(AZURE_ID).length).toBeGreaterThan(255);
    expect(name).toHaveLength(MAX_NAME);
    expect(name).toMatch(/^%2Fsubscriptions%2F6f1b2c3d-.+@[0-9a-f]{64}$/);
    expect(objectName(SIBLING_ID)).not.toBe(name);
  });
});

describe('the coordination objects with real-length Azure resource ids on the local store', () => {
  it('runs the coordination objects of an event keyed by a long id', async () => {
    const at = new Date('2026-11-22T03:00:00Z');
    expect(await state.accept(AZURE_ID, { id: 'evt' }, at)).toBe(true);
    expect(await state.accept(AZURE_ID, { id: 'evt' }, at)).toBe(false);
    expect(readdirSync(join(dir, 'runner', 'inbox'))).toEqual([`${objectName(AZURE_ID)}.json`]);
    expect(await state.claim(AZURE_ID, 'runner:a', at, 60_000)).toBe(true);
    await state.saveCheckpoint(AZURE_ID, 0, { step: 'normalise', at: at.toISOString(), text: 'ok' });
    expect(await state.checkpoints(AZURE_ID)).toEqual([
      { index: 0, step: 'normalise', at: at.toISOString(), text: 'ok' },
    ]);
    await state.complete(AZURE_ID, { status: 'done' });
    expect(await state.completion(AZURE_ID)).toEqual({ status: 'done' });
    expect(await state.deadLetter(AZURE_ID, { reason: 'x' })).toBe(true);
    expect(await state.deadLetters()).toEqual([{ reason: 'x' }]);
  });
});
