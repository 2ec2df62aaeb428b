// The laptop backend: one JSON file (secrets.json, mode 0600) in the store's directory.
// Writes go through a temp file and a rename, so a reader never sees half a file. The
// layout matches what `escher state` has used, so existing laptops keep their secrets.

import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError } from '../errors.js';
import type { SecretStore } from './secret-store.js';

export class LocalSecretStore implements SecretStore {
  readonly url: string;
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.url = `file://${dir}`;
    this.file = join(dir, 'secrets.json');
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return {};
      throw err;
    }
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch (cause) {
      // The message must not quote the file: it holds secrets.
      throw new IntegrityError(`secret file ${this.file} is not valid JSON`, {
        hint: 'restore it from a backup or remove it and put the secrets again',
        cause: undefined,
        details: { parseError: (cause as Error).name },
      });
    }
  }

  private async write(all: Record<string, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(tmp, JSON.stringify(all, null, 1), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.file);
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.read())[name];
  }

  async put(name: string, value: string): Promise<void> {
    await this.write({ ...(await this.read()), [name]: value });
  }

  async list(prefix: string): Promise<string[]> {
    return Object.keys(await this.read())
      .filter((name) => name.startsWith(prefix))
      .sort();
  }

  async delete(name: string): Promise<void> {
    const { [name]: _gone, ...rest } = await this.read();
    await this.write(rest);
  }
}
