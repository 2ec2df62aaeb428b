// A minimal file-backed SecretStore (one JSON file, mode 0600) so `escher state` works on a
// laptop and in tests before a secret-store URL is configured. Writes go through a temp
// file and a rename, so a reader never sees half a file.

import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../../secrets/secret-store.js';

export class FileSecretStore implements SecretStore {
  readonly url: string;
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.url = `file://${dir}`;
    this.file = join(dir, 'secrets.json');
  }

  private async read(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return {};
      throw err;
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
    return Object.keys(await this.read()).filter((name) => name.startsWith(prefix));
  }

  async delete(name: string): Promise<void> {
    const { [name]: _gone, ...rest } = await this.read();
    await this.write(rest);
  }
}
