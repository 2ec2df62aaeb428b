// A real pipeline for tests: a local state store in a temp dir, moto-backed AWS clients,
// a notifier that collects what it was asked to send, and a logger that keeps every line.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RemediationId } from '@escher/shared';
import type { AiClient } from '../../../src/ai/client.js';
import { loadRuntimeEnv } from '../../../src/config/env.js';
import { HashEmbedder } from '../../../src/embed/hash-embedder.js';
import { createLogger } from '../../../src/log.js';
import type { NotificationInput, Notifier } from '../../../src/notify/notification.js';
import type { PipelineDeps } from '../../../src/pipeline/deps.js';
import { awsClientsProvider } from '../../../src/remediation/aws/clients.js';
import { executors } from '../../../src/remediation/registry.js';
import { memorySecretStore } from '../../../src/runner/memory-secrets.js';
import { snapshotRunnerState } from '../../../src/runner/snapshot-state.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import type { SecretStore } from '../../../src/secrets/secret-store.js';
import { LocalObjectStore } from '../../../src/storage/local-store.js';
import { ACCOUNT, CREDENTIALS, type Moto, REGION } from './moto.js';

export interface TestRig {
  deps: PipelineDeps;
  dir: string;
  store: LocalObjectStore;
  sent: NotificationInput[];
  logs: string[];
}

export function testRig(
  moto: Moto | undefined,
  options: { deployed?: RemediationId[]; ai?: AiClient; secrets?: SecretStore; redactor?: Redactor } = {},
): TestRig {
  const dir = mkdtempSync(join(tmpdir(), 'escher-pipeline-'));
  const store = new LocalObjectStore(dir);
  const sent: NotificationInput[] = [];
  const logs: string[] = [];
  const redactor = options.redactor ?? new Redactor();
  const notifier: Notifier = {
    async send(n) {
      sent.push(n);
      return [{ channel: 'webhook', ok: true }];
    },
  };
  const secrets = options.secrets ?? memorySecretStore();
  const deps: PipelineDeps = {
    state: snapshotRunnerState(store, { keySecrets: secrets, embedder: async () => new HashEmbedder() }),
    executors,
    clients: {
      aws: awsClientsProvider({
        homeAccount: ACCOUNT,
        defaultRegion: REGION,
        endpoint: moto?.endpoint ?? 'http://127.0.0.1:9',
        homeCredentials: CREDENTIALS,
        secrets,
      }),
    },
    ai: options.ai,
    notifier,
    redactor,
    log: createLogger({ level: 'debug', redactor, sink: (line) => logs.push(line) }),
    clock: () => new Date(),
    deployed: options.deployed ?? [
      'aws.s3.block_public_access',
      'aws.ec2.revoke_public_admin_ingress',
      'aws.ec2.stop_instance',
    ],
    actor: 'runner:test',
    leaseMs: 60_000,
    runtime: {
      env: loadRuntimeEnv({ ESCHER_HOME: dir }),
      config: undefined,
      store,
      secrets,
    },
    boundary: () => {},
  };
  return { deps, dir, store, sent, logs };
}
