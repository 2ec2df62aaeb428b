// `pnpm destroy:aws`: export the cloud state to the laptop, check the copy, and only then
// run `cdk destroy`. The state and audit buckets are retained by the stack in any case.
//
//   --store URL           the cloud store (default: StateStoreUrl in cdk-outputs.json)
//   --secrets URL         secret store holding the snapshot key (default: the CLI's)
//   --to URL              local store to import into (default: a new one in the export dir)
//   --local-secrets URL   secret store for the local store's key

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escherProcess, exportState } from '@escher/shared';
import { runnerStackName } from '../app.js';
import { loadConfigFile } from '../config.js';
import { resolveConfigPath } from '../config-path.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = resolve(packageDir, '..');
const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    store: { type: 'string' },
    secrets: { type: 'string' },
    to: { type: 'string' },
    'local-secrets': { type: 'string' },
  },
});

try {
  const config = loadConfigFile(
    resolveConfigPath({
      explicit: values.config,
      allowExample: false,
      searchDirs: [packageDir, repoRoot],
      exists: existsSync,
    }),
  );
  const stack = runnerStackName(config.name);
  const source = values.store ?? storeFromOutputs(join(packageDir, 'cdk-outputs.json'), stack);
  const escherHome = process.env.ESCHER_HOME ?? join(homedir(), '.escher');
  const exportDir = join(escherHome, 'exports', `${stack}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const escherBin = join(repoRoot, 'runtime', 'bin', 'escher.js');
  const result = await exportState(escherProcess(escherBin), {
    source: { store: source, ...(values.secrets ? { secrets: values.secrets } : {}) },
    exportDir,
    target: {
      ...(values.to ? { store: values.to } : {}),
      ...(values['local-secrets'] ? { secrets: values['local-secrets'] } : {}),
    },
  });
  console.log(
    `state exported to ${result.target} (${JSON.stringify(result.counts)}); NDJSON copies in ${exportDir}`,
  );
  console.log(`back to Local Only: export ESCHER_STORE=${result.target}`);
  const cdk = spawnSync('cdk', ['destroy', '--force', '--no-notices', stack], {
    cwd: packageDir,
    stdio: 'inherit',
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
  });
  process.exitCode = cdk.status ?? 1;
} catch (err) {
  console.error(`escher: not destroying: ${(err as Error).message}`);
  process.exitCode = 2;
}

function storeFromOutputs(file: string, stack: string): string {
  if (!existsSync(file)) {
    throw new Error(`no --store given and no ${file}; pass --store s3://<state bucket>/state`);
  }
  const outputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const url = outputs[stack]?.StateStoreUrl;
  if (!url) throw new Error(`${file} has no StateStoreUrl for ${stack}; pass --store`);
  return url;
}
