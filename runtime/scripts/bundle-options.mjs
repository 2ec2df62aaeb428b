// esbuild options shared by the runtime's bundle (scripts/bundle.mjs) and anything that must
// load the runtime the way a runner does (the snapshot bench's load child).

import { builtinModules, createRequire } from 'node:module';

const require = createRequire(import.meta.url);

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

/**
 * Node's own modules are taken with require(), not imported as ES modules: an import makes
 * Node build the module's ES facade, which reads every export, getters included (http's
 * WebSocket loads undici, fs's promises, process's report...). Loading the 17 the runner
 * uses took 66 ms as imports, 34 with http and https required, 28 all required (medians
 * of 9 runs). A static import gets the required object (esbuild reads the named imports
 * off it when they are used). A dynamic import stays an import, as it must offer every
 * export by name, except `http`'s (the AWS SDK's, on every first request): that one gets
 * a module exporting http's plain properties, leaving out only the getters for the web
 * globals.
 */
const builtinNames = builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|');
const identifier = /^[A-Za-z_$][\w$]*$/;
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${builtinNames})$`) }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.namespace.startsWith('required-builtin')) return { path: `node:${name}`, external: true };
      if (args.kind !== 'dynamic-import') return { path: name, namespace: 'required-builtin' };
      if (name === 'http') return { path: name, namespace: 'required-builtin-named' };
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'required-builtin' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: 'required-builtin-named' }, (args) => {
      const plain = Object.entries(Object.getOwnPropertyDescriptors(require(`node:${args.path}`)))
        .filter(([key, d]) => 'value' in d && identifier.test(key) && key !== 'default')
        .map(([key]) => key);
      return {
        contents: `const m = require('node:${args.path}');\nexport default m;\nexport const { ${plain.join(', ')} } = m;\n`,
        loader: 'js',
      };
    });
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
    plugins: [zodLocalesEnglishOnly, builtinsThroughRequire, dynamicPackageImportsStayExternal],
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
