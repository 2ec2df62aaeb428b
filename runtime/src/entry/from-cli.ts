// Builds the runner for a long-lived or one-shot mode from the CLI context: deployment
// config, secret store and pipeline deps, once per process. The secret store is shared with
// the HTTP mode, which reads the push shared secret from it.

import type { CliContext } from '../cli/context.js';
import { loadDeploymentConfig } from '../runner/config.js';
import { buildRunnerDeps } from '../runner/deps.js';
import { memorySecretStore } from '../runner/memory-secrets.js';
import { openSecretStore } from '../secrets/open-secret-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { EntryDeps } from './entry-deps.js';
import { pipelineEntryDeps } from './pipeline-entry.js';

export interface EntryRuntime {
  deps: EntryDeps;
  secrets: SecretStore;
}

export async function entryRuntime(c: CliContext): Promise<EntryRuntime> {
  // Without ESCHER_SECRETS (a laptop) there is no secret store, so pushes needing a secret are refused.
  const secrets = c.env.ESCHER_SECRETS
    ? openSecretStore(c.env.ESCHER_SECRETS, c.env, c.redactor)
    : memorySecretStore({}, c.redactor);
  const config = await loadDeploymentConfig(c.env);
  const pipeline = await buildRunnerDeps({ env: c.env, config, log: c.log, redactor: c.redactor, secrets });
  return { deps: pipelineEntryDeps(pipeline), secrets };
}
