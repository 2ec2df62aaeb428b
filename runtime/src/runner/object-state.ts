// The runner's coordination objects on any ObjectStore, under runner/: the inbox, leases,
// step checkpoints, completion markers and dead letters (FORMAT.md). Create-only puts make
// the inbox and checkpoints race-free; the lease is a compare-and-swap on a small claim object.

import { IntegrityError, PreconditionFailedError } from '../errors.js';
import type { Checkpoint, Lease, RunCoordination } from '../pipeline/state.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ID_FIELD, isHashedName, objectName as keyOf } from './object-names.js';

/** A hashed name cannot give its id back, so the object carries it (see object-names.ts). */
function enc(value: unknown, id?: string): Buffer {
  const body = id !== undefined && isHashedName(keyOf(id)) ? { ...(value as object), [ID_FIELD]: id } : value;
  return Buffer.from(`${JSON.stringify(body)}\n`);
}

function parse(body: Uint8Array, key: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new IntegrityError(`state object ${key} is not JSON`, { cause, hint: 'restore it from a backup' });
  }
}

function dec(body: Uint8Array, key: string): Record<string, unknown> {
  const { [ID_FIELD]: _id, ...value } = parse(body, key);
  return value;
}

async function createOnly(store: ObjectStore, key: string, value: unknown, id?: string): Promise<boolean> {
  try {
    await store.putIfAbsent(key, enc(value, id));
    return true;
  } catch (err) {
    if (err instanceof PreconditionFailedError) return false;
    throw err;
  }
}

/** Every object under `dir`, without the id field a hashed name adds. */
async function readAll(store: ObjectStore, dir: string): Promise<Record<string, unknown>[]> {
  const infos = await store.list(dir);
  const found = await Promise.all(infos.map(async (i) => ({ key: i.key, obj: await store.get(i.key) })));
  return found.filter((f) => f.obj).map((f) => dec(f.obj?.body as Uint8Array, f.key));
}

export function objectCoordination(store: ObjectStore): RunCoordination {
  const get = async (key: string) => {
    const found = await store.get(key);
    return found ? dec(found.body, key) : undefined;
  };
  return {
    accept: (k, raw, at) =>
      createOnly(store, `runner/inbox/${keyOf(k)}.json`, { received_at: at.toISOString(), raw }, k),
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
      await createOnly(store, `runner/done/${keyOf(k)}.json`, marker, k);
    },
    deadLetter: (id, record) => createOnly(store, `runner/dead-letter/${keyOf(id)}.json`, record, id),
    deadLetters: () => readAll(store, 'runner/dead-letter/'),
  };
}
