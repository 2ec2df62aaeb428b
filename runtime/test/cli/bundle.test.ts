// The esbuild bundle of the CLI (scripts/bundle.mjs), which bin/escher.js and the image
// start from, behaves like the compiled files it is made of.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

const BUNDLE = join(RUNTIME, 'dist/bundle');

/** This build's files: those reachable from escher.js (older builds' chunks linger a while). */
function currentBundle(): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [join(BUNDLE, 'escher.js')];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    const code = readFileSync(file, 'utf8');
    files.set(file, code);
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g))
      queue.push(join(dirname(file), m[1] as string));
  }
  return files;
}

/** The modules esbuild put into a bundle file, by the path comment it writes before each. */
const modulesIn = (code: string) => [...code.matchAll(/^\/\/ (\S+\.m?[jt]s)$/gm)].map((m) => m[1] as string);

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

  it('takes the AWS SDK from its ES module builds, so a client brings only the commands we send', () => {
    const modules = [...currentBundle().values()].flatMap(modulesIn);
    const s3 = modules.filter((m) => m.includes('/@aws-sdk/client-s3/'));

    expect(s3.length).toBeGreaterThan(0);
    expect(s3.filter((m) => !m.includes('/dist-es/'))).toEqual([]);
    expect(s3.some((m) => m.endsWith('/commands/PutPublicAccessBlockCommand.js'))).toBe(true);
    // A command we never send is left out.
    expect(s3.some((m) => m.endsWith('/commands/PutBucketLifecycleConfigurationCommand.js'))).toBe(false);
    expect(modules.filter((m) => /\/@(aws-sdk|smithy)\/[^/]+\/dist-cjs\//.test(m))).toEqual([]);
  });

  it("requires Node's own modules rather than importing them, and keeps http's exports named for dynamic imports", async () => {
    const files = currentBundle();
    // The banner's import of node:module (single quotes) is the one import of a builtin left.
    const imported = [...files.values()].flatMap((code) =>
      [...code.matchAll(/^import[^;]*?from\s*"(node:[^"]+)"/gms)].map((m) => m[1]),
    );
    expect(imported).toEqual([]);
    // The AWS SDK asks `const { request } = await import("node:http")` (instance metadata)
    // and `(await import("node:http")).default ?? …` (its HTTP handler).
    const named = [...files.entries()].find(([, code]) => code.includes('// required-builtin-named:http'));
    expect(named).toBeDefined();
    const http = await import(named?.[0] as string);
    const real = await import('node:http');
    expect(http.request).toBe(real.request);
    expect(http.Agent).toBe(real.Agent);
    expect(http.default.request).toBe(real.request);
  });

  it("carries zod's English messages only", () => {
    const locales = [...currentBundle().values()]
      .flatMap(modulesIn)
      .filter((m) => m.includes('/zod/v4/locales/'))
      .map((m) => m.replace(/^.*\/locales\//, ''));

    expect(locales.sort()).toEqual(['en.js', 'index.js']);
  });

  it('lists, for the compile-cache warm-up, the files that load no package from node_modules', () => {
    const listed: string[] = JSON.parse(readFileSync(join(BUNDLE, 'self-contained.json'), 'utf8'));
    const packagesImportedBy = (file: string) =>
      [
        ...readFileSync(join(BUNDLE, file), 'utf8').matchAll(
          /^(?:import|export)[^;]*?from\s*"([^".][^"]*)"|^import\s*"([^".][^"]*)"/gms,
        ),
      ]
        .map((m) => m[1] ?? m[2])
        .filter((p) => !p?.startsWith('node:'));

    expect(listed).toContain('escher.js');
    for (const file of listed) expect(packagesImportedBy(file), file).toEqual([]);
    // Chunks that do load one (the Azure and Google SDKs, onnxruntime) are not listed.
    const unlisted = [...currentBundle().keys()]
      .map((f) => relative(BUNDLE, f))
      .filter((f) => !listed.includes(f));
    expect(unlisted.some((f) => packagesImportedBy(f).some((p) => p?.startsWith('@azure/')))).toBe(true);
  });
});
