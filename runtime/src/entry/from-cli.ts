// Builds the runner for a long-lived or one-shot mode from the CLI context: deployment
// config, secret store and pipeline deps, once per process.

import type { CliContext } from '../cli/context.js';
import { ConfigError } from '../errors.js';
import { loadDeploymentConfig } from '../runner/config.js';
import { buildRunnerDeps } from '../runner/deps.js';
import { memorySecretStore } from '../runner/memory-secrets.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { EntryDeps } from './entry-deps.js';
import { pipelineEntryDeps } from './pipeline-entry.js';

export interface EntryRuntime {
  deps: EntryDeps;
  secrets: SecretStore;
}

export async function entryRuntime(c: CliContext): Promise<EntryRuntime> {
  if (c.env.ESCHER_SECRETS) {
    throw new ConfigError(`ESCHER_SECRETS=${c.env.ESCHER_SECRETS} cannot be opened by this build`, {
      hint: 'unset ESCHER_SECRETS to run without a secret store',
    });
  }
  const secrets = memorySecretStore({}, c.redactor);
  const config = await loadDeploymentConfig(c.env);
  const pipeline = await buildRunnerDeps({ env: c.env, config, log: c.log, redactor: c.redactor, secrets });
  return { deps: pipelineEntryDeps(pipeline), secrets };
}
