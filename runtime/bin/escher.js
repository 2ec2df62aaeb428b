#!/usr/bin/env node
// V8's compiled code is cached on the temp disk between runs: compiling the SDKs' code is
// a good part of a short run's start-up. An unwritable temp dir only disables the cache.
import { statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

enableCompileCache();

// The bundle (scripts/bundle.mjs) starts faster than the many files of the tsc output, but
// a compile after it (of this package or of @escher/shared, which it includes) would leave
// it behind the code: it is used only when no older than the last compile. The image ships
// it without build info, so there it is always used.
const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../dist/bundle/escher.js');
const compiled = Math.max(
  mtime('../tsconfig.tsbuildinfo') ?? 0,
  mtime('../../shared/tsconfig.tsbuildinfo') ?? 0,
);
const useBundle = bundled !== undefined && bundled >= compiled;
const { main } = await import(useBundle ? '../dist/bundle/escher.js' : '../dist/cli/main.js');

process.exitCode = await main();
