// Fills Node's compile cache (NODE_COMPILE_CACHE) with the bundle's code, so that the first
// run of a fresh container does not compile it: the image build runs this once. The cache
// keeps compiled code, so loading each file is enough; nothing is run. Only the files that
// load no package from node_modules are loaded (the list scripts/bundle.mjs writes): the
// SDKs kept outside the bundle are large and rarely used, and would only grow the image.
// Usage: NODE_COMPILE_CACHE=<dir> node scripts/warm-compile-cache.mjs

import { readFileSync } from 'node:fs';
import { flushCompileCache, getCompileCacheDir } from 'node:module';

const bundle = new URL('../dist/bundle/', import.meta.url);
const dir = getCompileCacheDir();
if (!dir) {
  console.error('warm-compile-cache: set NODE_COMPILE_CACHE to the directory to fill');
  process.exit(2);
}
const files = JSON.parse(readFileSync(new URL('self-contained.json', bundle), 'utf8'));
for (const file of files) await import(new URL(file, bundle).href);
flushCompileCache();
console.log(`warm-compile-cache: ${files.length} bundle files compiled into ${dir}`);
