// Builds the pipeline's dependencies from the validated environment and the deployment
// config: state store, secret store, AI client, notifier, cloud clients, catalog. The
// one place where the runner's parts are wired together.

import { hostname } from 'node:os';
import type { ExtensionConfig } from '@escher/shared';
import { AI_TOKEN_SECRET, createAiClient } from '../ai/client.js';
import type { RuntimeEnv } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notify/notification.js';
import { stateBannerSink } from '../notify/state-banners.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { awsClientsProvider } from '../remediation/aws/clients.js';
import { executors } from '../remediation/registry.js';
import { openSecretStore } from '../secrets/open-secret-store.js';
import type { Redactor } from '../secrets/redactor.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { openObjectStore } from '../storage/open-store.js';
import { objectAuditMirror } from './audit-mirror.js';
import { faultHook } from './fault-hook.js';
import { lazyNotifier } from './lazy-notifier.js';
import { lazyProvider } from './lazy-provider.js';
import { memorySecretStore } from './memory-secrets.js';
import { openRunnerState } from './open-state.js';

export interface RunnerDepsOptions {
  env: RuntimeEnv;
  config: ExtensionConfig | undefined;
  log: Logger;
  redactor: Redactor;
  storeUrl?: string | undefined;
  /** Defaults to the one ESCHER_SECRETS names (or none on a laptop without it). */
  secrets?: SecretStore;
  /** Holds the snapshot's data key; defaults to the store `escher state` uses (stateKeyStoreUrl). */
  keySecrets?: SecretStore;
  notifier?: Notifier;
  clock?: () => Date;
}

export async function buildRunnerDeps(o: RunnerDepsOptions): Promise<PipelineDeps> {
  const { env, config, log, redactor } = o;
  // A laptop run without ESCHER_SECRETS has no secret store: only the home account is reachable.
  const secrets =
    o.secrets ??
    (env.ESCHER_SECRETS
      ? openSecretStore(env.ESCHER_SECRETS, env, redactor)
      : memorySecretStore({}, redactor));
  const clock = o.clock ?? (() => new Date());
  const aiUrl = env.ESCHER_AI_URL ?? config?.ai_url;
  const region = config?.aws?.region ?? env.AWS_REGION;
  const endpoint = env.AWS_ENDPOINT_URL;
  const { state, store } = await openRunnerState({
    env,
    redactor,
    storeUrl: o.storeUrl,
    keySecrets: o.keySecrets ?? (o.secrets === undefined && env.ESCHER_SECRETS ? secrets : undefined),
  });
  const auditMirror = env.ESCHER_AUDIT_STORE
    ? objectAuditMirror(await openObjectStore(env.ESCHER_AUDIT_STORE, env))
    : undefined;
  return {
    state,
    auditMirror,
    executors,
    clients: {
      aws: awsClientsProvider({
        homeAccount: config?.aws?.account,
        defaultRegion: region,
        endpoint,
        secrets,
      }),
      azure: lazyProvider(async () =>
        (await import('../remediation/azure/clients.js')).azureRemediationProvider(env),
      ),
      gcp: lazyProvider(async () =>
        (await import('../remediation/gcp/clients.js')).gcpRemediationProvider(env),
      ),
    },
    ai: aiUrl
      ? createAiClient({
          url: aiUrl,
          timeoutMs: env.ESCHER_AI_TIMEOUT_MS,
          log,
          token: async () => {
            const token = await secrets.get(AI_TOKEN_SECRET);
            redactor.add(token);
            return token;
          },
        })
      : undefined,
    notifier:
      o.notifier ??
      lazyNotifier({
        config,
        secrets,
        log,
        clock,
        region,
        endpoint,
        snsTopicArn: env.ESCHER_NOTIFY_TOPIC_ARN,
        banners: stateBannerSink(state),
      }),
    redactor,
    log,
    clock,
    deployed: config?.remediations ?? [],
    actor: `runner:${hostname()}`,
    leaseMs: env.ESCHER_LEASE_SECONDS * 1000,
    runtime: { env, config, store, secrets },
    boundary: faultHook(env.ESCHER_FAULT_KILL_AFTER),
  };
}
