// `cdk synth|diff|deploy|destroy` entry point: find the config, build the app, synthesize.
// The config comes from `-c config=PATH`, else escher.config.yaml/.json here or at the
// repository root; `-c allowExample=true` (the synth script) falls back to the example.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../app.js';
import { loadConfigFile } from '../config.js';
import { resolveConfigPath } from '../config-path.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = resolve(packageDir, '..');
// Only to read the `-c` values the CLI passes; never synthesized (the real app comes from buildApp).
const cliContext = new App({ autoSynth: false }).node;
const configPath = resolveConfigPath({
  explicit: cliContext.tryGetContext('config') as string | undefined,
  allowExample: String(cliContext.tryGetContext('allowExample')) === 'true',
  searchDirs: [packageDir, repoRoot],
  exists: existsSync,
});
const config = loadConfigFile(configPath);
const { app } = buildApp({
  config,
  imageSource: { directory: repoRoot, file: 'container/Dockerfile' },
});
app.synth();
