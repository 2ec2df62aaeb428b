// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/ with esbuild, because a
// short run spends most of its start-up resolving and loading hundreds of small modules
// (our own tsc output, zod, the AWS SDK's packages). Code splitting keeps every lazy
// import lazy: a command, a cloud or a store loads its chunk only when it is used.
// bin/escher.js loads the bundle when it is no older than the last compile.
// Usage: node scripts/bundle.mjs   (after tsc -b; `pnpm build` runs both)

import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const runtime = fileURLToPath(new URL('../', import.meta.url));

const outdir = `${runtime}dist/bundle`;
const result = await build(bundleOptions(runtime, { escher: 'dist/cli/main.js' }, outdir));
// Chunk names carry a content hash, so a rebuild adds files rather than changing them under
// a runner that is running; chunks of older builds go once no run can still be loading them.
const current = new Set(Object.keys(result.metafile.outputs).map((f) => join(runtime, f)));
const chunks = join(outdir, 'chunks');
const staleAfterMs = 10 * 60_000;
for (const name of readdirSync(chunks)) {
  const file = join(chunks, name);
  if (!current.has(file) && Date.now() - statSync(file).mtimeMs > staleAfterMs) rmSync(file);
}

/**
 * The bundle files that load no package from node_modules, directly or through the chunks
 * they import: the image's warm-up (scripts/warm-compile-cache.mjs) compiles these, and
 * leaves the SDKs kept outside the bundle (Azure, Google, onnxruntime) out of its cache.
 */
function selfContainedFiles(outputs) {
  const verdict = new Map();
  const selfContained = (file) => {
    if (!verdict.has(file)) {
      verdict.set(file, true); // a cycle adds nothing new
      const ok = outputs[file].imports
        .filter((i) => i.kind === 'import-statement')
        .every((i) => (i.external ? i.path.startsWith('node:') : selfContained(i.path)));
      verdict.set(file, ok);
    }
    return verdict.get(file);
  };
  return Object.keys(outputs)
    .filter((file) => file.endsWith('.js') && selfContained(file))
    .map((file) => relative(outdir, join(runtime, file)));
}
writeFileSync(
  join(outdir, 'self-contained.json'),
  `${JSON.stringify(selfContainedFiles(result.metafile.outputs), null, 1)}\n`,
);

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `bundle: dist/bundle/escher.js and ${Object.keys(result.metafile.outputs).length - 1} chunks, ${(bytes / 1e6).toFixed(1)} MB`,
);
