// esbuild options shared by the runtime's bundle (scripts/bundle.mjs) and anything that must
// load the runtime the way a runner does (the snapshot bench's load child).

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

/** The options for bundling `entryPoints` (name → compiled file) into `outdir`. */
export function bundleOptions(runtime, entryPoints, outdir) {
  return {
    absWorkingDir: runtime,
    entryPoints,
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
  };
}
