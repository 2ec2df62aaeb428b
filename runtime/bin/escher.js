#!/usr/bin/env node
// V8's compiled code is cached on the temp disk between runs: compiling the SDKs' code is
// a good part of a short run's start-up. An unwritable temp dir only disables the cache.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main();
