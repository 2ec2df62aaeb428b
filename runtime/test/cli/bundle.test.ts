// The esbuild bundle of the CLI (scripts/bundle.mjs), which bin/escher.js and the image
// start from, behaves like the compiled files it is made of.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const RUNTIME = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const fixture = join(RUNTIME, 'test/fixtures/events/azure/event-grid/resource-write-success.json');

/** `escher <args>` started from one entry module: the bundle or the compiled main. */
async function escherFrom(entry: string, args: string[]) {
  const script = `const { main } = await import('${entry}'); process.exitCode = await main(['node', 'escher', ...${JSON.stringify(args)}]);`;
  return run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: RUNTIME,
    env: { PATH: process.env.PATH ?? '', ESCHER_HOME: join(RUNTIME, 'test/fixtures') },
  });
}

beforeAll(async () => {
  await run(process.execPath, ['scripts/bundle.mjs'], { cwd: RUNTIME });
}, 120_000);

describe('the CLI bundle', { timeout: 120_000 }, () => {
  it('prints what the compiled CLI prints: escher normalize of an Event Grid batch', async () => {
    const bundled = await escherFrom('./dist/bundle/escher.js', ['normalize', fixture]);
    const compiled = await escherFrom('./dist/cli/main.js', ['normalize', fixture]);

    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(compiled.stdout);
    expect(JSON.parse(bundled.stdout)).toMatchObject({
      event_id: 'azure:azure.event-grid-resource:4db48cba-50a2-455a-93b4-de41a3b5b7f6',
      cloud_provider: 'azure',
    });
  });

  it('leaves our own dynamic imports of packages to Node, so their named exports stay readable', () => {
    const chunks = join(RUNTIME, 'dist/bundle/chunks');
    const code = readdirSync(chunks)
      .map((name) => readFileSync(join(chunks, name), 'utf8'))
      .join('\n');

    // The notifier reads `(await import('@aws-sdk/client-sns')).SNSClient`.
    expect(code).toContain('import("@aws-sdk/client-sns")');
    expect(code).toContain('import("@aws-sdk/client-sts")');
  });
});
