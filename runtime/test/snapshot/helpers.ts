// Shared arrangements for snapshot tests: a fresh local store, an in-memory secret store,
// and records with easily checked vectors.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotRecord } from '@escher/shared';
import type { SecretStore } from '../../src/secrets/secret-store.js';
import { initSnapshot, type Snapshot } from '../../src/snapshot/index.js';
import { LocalObjectStore } from '../../src/storage/local-store.js';

export class MemorySecrets implements SecretStore {
  readonly url = 'memory://secrets';
  readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name);
  }
  async put(name: string, value: string) {
    this.values.set(name, value);
  }
  async list(prefix: string) {
    return [...this.values.keys()].filter((k) => k.startsWith(prefix));
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}

export interface Fixture {
  dir: string;
  store: LocalObjectStore;
  secrets: MemorySecrets;
  snap: Snapshot;
  cleanup(): Promise<void>;
}

export async function freshSnapshot(
  options: { vectorEncoding?: 'f32' | 'f16' | 'i8'; now?: () => Date } = {},
): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'escher-snap-'));
  const store = new LocalObjectStore(join(dir, 'state'));
  const secrets = new MemorySecrets();
  const { snapshot } = await initSnapshot(store, secrets, options);
  return { dir, store, secrets, snap: snapshot, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A 4-d record whose vector points along axis `axis` (0-3). */
export function rec(id: string, axis: number, payload: Record<string, unknown> = {}): SnapshotRecord {
  const vector = [0, 0, 0, 0];
  vector[axis] = 1;
  return { id, vector, payload: { name: id, ...payload } };
}

export const MODEL = { model: 'test-axis-4' };
