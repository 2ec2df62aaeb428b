// Everything the pipeline talks to, passed in explicitly. Entry points build this once
// (runner/deps.ts); tests pass in-memory or emulator-backed parts.

import type { CloudProvider, ExtensionConfig, OperationTarget, RemediationId } from '@escher/shared';
import type { AiClient } from '../ai/client.js';
import type { RuntimeEnv } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notify/notification.js';
import type { ExecutorLoader } from '../remediation/registry.js';
import type { Redactor } from '../secrets/redactor.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { RunnerState } from './state.js';

/** A create-only copy of committed audit records in write-once storage. */
export interface AuditMirror {
  put(id: string, record: Record<string, unknown>): Promise<void>;
}

export type ClientsProvider = (target: OperationTarget) => Promise<unknown>;

export interface PipelineDeps {
  state: RunnerState;
  /** Set when ESCHER_AUDIT_STORE is: audit records are written there too. */
  auditMirror?: AuditMirror | undefined;
  /** The catalog's entries by id, loaded on first use. */
  executors: Partial<Record<RemediationId, ExecutorLoader>>;
  clients: Partial<Record<CloudProvider, ClientsProvider>>;
  /** Undefined: the built-in analyst answers. */
  ai?: AiClient | undefined;
  notifier: Notifier;
  redactor: Redactor;
  log: Logger;
  clock: () => Date;
  /** Catalog entries this deployment enabled (config `remediations`). */
  deployed: readonly RemediationId[];
  /** Who acts, for audit records: 'runner:<host>'. */
  actor: string;
  leaseMs: number;
  /** The environment and deployment config the deps were built from (jobs and reports need them). */
  runtime?: {
    env: RuntimeEnv;
    config: ExtensionConfig | undefined;
    store: ObjectStore;
    secrets: SecretStore;
  };
  /** Called after each step's checkpoint is durable; inert outside fault-injection tests. */
  boundary: (step: string) => void;
}

export interface RunOptions {
  dryRun: boolean;
}
