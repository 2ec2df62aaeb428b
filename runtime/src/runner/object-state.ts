// RunnerState on any ObjectStore: one JSON object per record under records/<collection>/,
// coordination objects under runner/. Create-only puts make append-only collections and
// checkpoints race-free; the lease is a compare-and-swap on a small claim object.

import type { CollectionName } from '@escher/shared';
import { IntegrityError, PreconditionFailedError } from '../errors.js';
import type { Checkpoint, Lease, RunnerState } from '../pipeline/state.js';
import type { ObjectStore } from '../storage/object-store.js';

const enc = (value: unknown) => Buffer.from(`${JSON.stringify(value)}\n`);
const keyOf = (id: string) => encodeURIComponent(id);
const recordKey = (c: CollectionName, id: string) => `records/${c}/${keyOf(id)}.json`;

function dec(body: Uint8Array, key: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new IntegrityError(`state object ${key} is not JSON`, { cause, hint: 'restore it from a backup' });
  }
}

async function createOnly(store: ObjectStore, key: string, value: unknown): Promise<boolean> {
  try {
    await store.putIfAbsent(key, enc(value));
    return true;
  } catch (err) {
    if (err instanceof PreconditionFailedError) return false;
    throw err;
  }
}

/** Objects directly under `dir` whose key name starts with `namePrefix` (backends differ on prefix listing). */
async function readAll(store: ObjectStore, dir: string, namePrefix = ''): Promise<Record<string, unknown>[]> {
  const infos = (await store.list(dir)).filter((i) => i.key.slice(dir.length).startsWith(namePrefix));
  const found = await Promise.all(infos.map(async (i) => ({ key: i.key, obj: await store.get(i.key) })));
  return found.filter((f) => f.obj).map((f) => dec(f.obj?.body as Uint8Array, f.key));
}

export function objectRunnerState(store: ObjectStore): RunnerState {
  const get = async (key: string) => {
    const found = await store.get(key);
    return found ? dec(found.body, key) : undefined;
  };
  return {
    getRecord: (c, id) => get(recordKey(c, id)),
    listRecords: (c, prefix) => readAll(store, `records/${c}/`, keyOf(prefix)),
    async putRecord(c, id, payload) {
      await this.updateRecord(c, id, () => payload);
    },
    appendRecord: (c, id, payload) => createOnly(store, recordKey(c, id), payload),
    async updateRecord(c, id, change) {
      const key = recordKey(c, id);
      for (;;) {
        const found = await store.get(key);
        const next = change(found ? dec(found.body, key) : undefined);
        try {
          if (found) await store.putIfMatch(key, enc(next), found.version);
          else await store.putIfAbsent(key, enc(next));
          return next;
        } catch (err) {
          if (!(err instanceof PreconditionFailedError)) throw err;
        }
      }
    },
    accept: (k, raw, at) =>
      createOnly(store, `runner/inbox/${keyOf(k)}.json`, { received_at: at.toISOString(), raw }),
    async claim(k, owner, now, leaseMs) {
      const key = `runner/claims/${keyOf(k)}.json`;
      const lease: Lease = { owner, expires_at: new Date(now.getTime() + leaseMs).toISOString() };
      if (await createOnly(store, key, lease)) return true;
      const found = await store.get(key);
      if (!found) return createOnly(store, key, lease);
      const held = dec(found.body, key) as unknown as Lease;
      if (held.owner !== owner && Date.parse(held.expires_at) > now.getTime()) return false;
      try {
        await store.putIfMatch(key, enc(lease), found.version);
        return true;
      } catch (err) {
        if (err instanceof PreconditionFailedError) return false;
        throw err;
      }
    },
    async release(k, owner) {
      const key = `runner/claims/${keyOf(k)}.json`;
      const held = await get(key);
      if (held?.owner === owner) await store.delete(key);
    },
    async checkpoints(k) {
      const all = (await readAll(store, `runner/runs/${keyOf(k)}/`)) as unknown as (Checkpoint & {
        index: number;
      })[];
      return all.sort((a, b) => a.index - b.index);
    },
    async saveCheckpoint(k, index, checkpoint) {
      const name = String(index).padStart(3, '0');
      await createOnly(store, `runner/runs/${keyOf(k)}/${name}-${checkpoint.step}.json`, {
        index,
        ...checkpoint,
      });
    },
    completion: (k) => get(`runner/done/${keyOf(k)}.json`),
    async complete(k, marker) {
      await createOnly(store, `runner/done/${keyOf(k)}.json`, marker);
    },
    deadLetter: (id, record) => createOnly(store, `runner/dead-letter/${keyOf(id)}.json`, record),
    deadLetters: () => readAll(store, 'runner/dead-letter/'),
  };
}
