// A RunnerState that reads through to the real one and keeps every write in memory: what
// a dry run uses, so it leaves no trace in the state (the cloud is untouched by design).

import type { CollectionName } from '@escher/shared';
import type { Checkpoint, RunnerState } from './state.js';

export function overlayState(base: RunnerState): RunnerState {
  const records = new Map<string, Record<string, unknown>>();
  const checkpoints = new Map<string, (Checkpoint & { index: number })[]>();
  const rk = (c: CollectionName, id: string) => `${c}/${id}`;
  return {
    getRecord: async (c, id) => records.get(rk(c, id)) ?? base.getRecord(c, id),
    listRecords: async (c, prefix) => [
      ...(await base.listRecords(c, prefix)),
      ...[...records.entries()].filter(([k]) => k.startsWith(rk(c, prefix))).map(([, v]) => v),
    ],
    async putRecord(c, id, payload) {
      records.set(rk(c, id), payload);
    },
    async appendRecord(c, id, payload) {
      if (records.has(rk(c, id)) || (await base.getRecord(c, id))) return false;
      records.set(rk(c, id), payload);
      return true;
    },
    async appendRecords(c, list) {
      const created: string[] = [];
      for (const r of list) if (await this.appendRecord(c, r.id, r.payload)) created.push(r.id);
      return created;
    },
    async updateRecord(c, id, change) {
      const next = change(records.get(rk(c, id)) ?? (await base.getRecord(c, id)));
      records.set(rk(c, id), next);
      return next;
    },
    accept: async () => true,
    claim: async () => true,
    release: async () => {},
    checkpoints: async (k) => checkpoints.get(k) ?? [],
    async saveCheckpoint(k, index, checkpoint) {
      checkpoints.set(k, [...(checkpoints.get(k) ?? []), { index, ...checkpoint }]);
    },
    completion: (k) => base.completion(k),
    complete: async () => {},
    deadLetter: async () => true,
    deadLetters: () => base.deadLetters(),
  };
}
