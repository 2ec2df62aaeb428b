// Local filesystem backend (Local Only mode, the demo, tests). Create-only puts use
// link(2), which fails atomically when the target exists; compare-and-swap takes a
// short per-key lock file, checks the content hash and renames the new body into place.

import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ConfigError, PreconditionFailedError } from '../errors.js';
import type { ObjectInfo, ObjectStore, StoredObject } from './object-store.js';

const LOCK_STALE_MS = 30_000;

export function contentVersion(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalObjectStore implements ObjectStore {
  readonly url: string;

  constructor(private readonly root: string) {
    this.url = `file://${root}`;
  }

  private path(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '')) {
      throw new ConfigError(`object key "${key}" is not a plain relative key`);
    }
    return join(this.root, ...key.split('/'));
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const file = await readFile(this.path(key));
      // A view, not a copy: segments are megabytes and the loader holds several at once.
      const body = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      // Hashing a whole segment costs more than reading it, and only compare-and-swap
      // callers (the manifest) ever ask for the version, so it is computed on first use.
      let version: string | undefined;
      return {
        body,
        get version() {
          version ??= contentVersion(body);
          return version;
        },
      };
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
  }

  private async writeTemp(target: string, body: Uint8Array): Promise<string> {
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, body, { flush: true });
    return tmp;
  }

  async putIfAbsent(key: string, body: Uint8Array): Promise<{ version: string }> {
    const target = this.path(key);
    const tmp = await this.writeTemp(target, body);
    try {
      await link(tmp, target);
    } catch (err) {
      if (isErrno(err, 'EEXIST')) {
        throw new PreconditionFailedError(`object "${key}" exists already in ${this.url}`, { cause: err });
      }
      throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    return { version: contentVersion(body) };
  }

  async putIfMatch(key: string, body: Uint8Array, version: string): Promise<{ version: string }> {
    const target = this.path(key);
    const tmp = await this.writeTemp(target, body);
    const release = await this.lock(target);
    try {
      const current = await this.get(key);
      if (!current || current.version !== version) {
        throw new PreconditionFailedError(`object "${key}" changed since version ${version} in ${this.url}`);
      }
      await rename(tmp, target);
      return { version: contentVersion(body) };
    } finally {
      await release();
      await unlink(tmp).catch(() => undefined);
    }
  }

  /** Per-key mutual exclusion between processes; a lock older than 30 s is taken as abandoned. */
  private async lock(target: string): Promise<() => Promise<void>> {
    const lockPath = `${target}.lock`;
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.close();
        return () => unlink(lockPath).catch(() => undefined);
      } catch (err) {
        if (!isErrno(err, 'EEXIST')) throw err;
        const info = await stat(lockPath).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) await rm(lockPath, { force: true });
        await sleep(Math.min(2 + attempt * 2, 25) + Math.random() * 5);
      }
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const base = prefix ? this.path(prefix.replace(/\/+$/, '')) : this.root;
    const out: ObjectInfo[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) return;
        throw err;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else if (entry.isFile() && !entry.name.endsWith('.tmp') && !entry.name.endsWith('.lock')) {
          const info = await stat(full);
          const key = relative(this.root, full).split(sep).join('/');
          out.push({ key, size: info.size, version: '', modified: info.mtime });
        }
      }
    };
    await walk(base);
    return out;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
