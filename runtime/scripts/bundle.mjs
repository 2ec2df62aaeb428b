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

const runtime = fileURLToPath(new URL('../', import.meta.url));

/**
 * Packages left to Node: native binaries (onnxruntime-node, the tokenizer), and SDKs that
 * read their own files next to their code at run time (Google's protos through google-gax,
 * Azure's), which a bundle would move away from them. They load from node_modules only
 * when the chunk that imports them is loaded.
 */
const EXTERNAL = [
  'onnxruntime-node',
  '@huggingface/tokenizers',
  '@google-cloud/*',
  'google-gax',
  'google-auth-library',
  '@azure/*',
  '@qdrant/*',
];

/**
 * Our own `await import('some-package')` stays a real import. A bundled CommonJS package
 * behind a split-point import would only offer `default`, not the named exports the
 * code reads (e.g. `(await import('@aws-sdk/client-sns')).SNSClient`).
 */
const dynamicPackageImportsStayExternal = {
  name: 'dynamic-package-imports-stay-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const fromOurCode = !args.importer.includes('/node_modules/');
      if (args.kind === 'dynamic-import' && fromOurCode && !args.path.startsWith('node:'))
        return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * zod's namespace object (`z`, which all our schemas import) lists its error-message
 * translations, so a bundle would load and evaluate every one of them (some 60 modules,
 * 370 kB) at start-up. Messages are English: zod configures English from its own module;
 * only the list of locales is trimmed to that one.
 */
const zodLocalesEnglishOnly = {
  name: 'zod-locales-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
    }));
  },
};

const outdir = `${runtime}dist/bundle`;
const result = await build({
  absWorkingDir: runtime,
  entryPoints: { escher: 'dist/cli/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // The ES module builds first: the AWS SDK's CommonJS builds export each client whole
  // through __require wrappers (nothing can be dropped, every module is evaluated), while
  // its ES builds are marked side-effect free, so only the commands we send are kept.
  mainFields: ['module', 'main'],
  conditions: ['module'],
  external: EXTERNAL,
  plugins: [zodLocalesEnglishOnly, dynamicPackageImportsStayExternal],
  // Bundled CommonJS code calls require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __escherCreateRequire } from 'node:module'; const require = __escherCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
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
