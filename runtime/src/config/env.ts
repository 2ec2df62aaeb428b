// The runner's environment, read and validated in one place. Business code receives a
// RuntimeEnv; nothing else reads process.env.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';

export const RuntimeEnvSchema = z.object({
  /** Where the user's state (the vector snapshot) lives. */
  ESCHER_STORE: z.string().min(1).optional(),
  /** Where credentials live: ssm://prefix, keyvault://vault, gsm://project, file:///path. */
  ESCHER_SECRETS: z.string().min(1).optional(),
  /**
   * Where committed audit records are also written, create-only (s3://, az://, gs://, file://):
   * the AWS stack's Object Lock bucket, Azure's immutable `audit` container, GCP's locked bucket.
   */
  ESCHER_AUDIT_STORE: z.string().min(1).optional(),
  /** The SNS topic email subscribers are on (created by the AWS stack); the email channel publishes to it. */
  ESCHER_NOTIFY_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  /** The stateless Escher AI server; unset means the built-in deterministic analyst answers. */
  ESCHER_AI_URL: z.url().optional(),
  ESCHER_AI_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  ESCHER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Home of local state and configuration (Local Only mode). */
  ESCHER_HOME: z.string().min(1).default(join(homedir(), '.escher')),
  /** The deployment config as JSON (set by the stacks), or a path to its YAML/JSON file. */
  ESCHER_CONFIG: z.string().min(1).optional(),
  ESCHER_CONFIG_FILE: z.string().min(1).optional(),
  /** How long one runner's claim on an event holds before another may take it over. */
  ESCHER_LEASE_SECONDS: z.coerce.number().positive().default(300),
  /**
   * Fault injection for the crash-recovery tests only: the runner SIGKILLs itself right
   * after the named pipeline step's checkpoint is durable. Never set it in a deployment.
   */
  ESCHER_FAULT_KILL_AFTER: z.string().min(1).optional(),
  // Emulator and endpoint overrides, honoured by the SDK adapters.
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  STORAGE_EMULATOR_HOST: z.string().min(1).optional(),
  /** Azure Resource Manager base URL (contract servers in tests; default the public cloud). */
  ESCHER_AZURE_ARM_ENDPOINT: z.url().optional(),
  /**
   * Azure Monitor metrics base URL with `{region}` where the region goes; replaces
   * https://{region}.metrics.monitor.azure.com (tests: https://127.0.0.1:8443/{region}).
   */
  ESCHER_AZURE_METRICS_ENDPOINT: z
    .string()
    .includes('{region}', {
      message: 'must contain {region}, e.g. https://{region}.metrics.monitor.azure.com',
    })
    .optional(),
  /** Compute Engine REST base URL, e.g. http://127.0.0.1:8085/compute/v1 (tests). */
  ESCHER_GCE_ENDPOINT: z.url().optional(),
  /** Cloud Monitoring REST base URL, e.g. http://127.0.0.1:8086 (tests; the client uses its REST fallback). */
  ESCHER_GCP_MONITORING_ENDPOINT: z.url().optional(),
  /** BigQuery REST base URL, e.g. http://127.0.0.1:9050 (tests; the GCP billing export is queried there). */
  ESCHER_BIGQUERY_ENDPOINT: z.url().optional(),
  /** The Cloud Billing export table the morning report reads GCP cost from, project.dataset.table. */
  ESCHER_GCP_BILLING_TABLE: z.string().min(1).optional(),
  /** Role the runner assumes in AWS member accounts (AWS Organizations). */
  ESCHER_AWS_MEMBER_ROLE: z.string().min(1).optional(),
  /** Static AWS keys; unset means the SDK's default chain (task role, instance profile, SSO). */
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  /** Key Vault endpoint override (emulators): replaces https://<vault>.vault.azure.net. */
  ESCHER_KEYVAULT_ENDPOINT: z.url().optional(),
  /** PEM CA certificate file trusted for ESCHER_KEYVAULT_ENDPOINT (an emulator's own certificate). */
  ESCHER_KEYVAULT_CA_FILE: z.string().min(1).optional(),
  /** Secret Manager endpoint override (emulators), as http://host:port; spoken to over REST. */
  ESCHER_GSM_ENDPOINT: z.url().optional(),
  /** Directory with all-MiniLM-L6-v2 (model.onnx + tokenizer files); unset: the hashed fallback embedder. */
  ESCHER_EMBED_MODEL: z.string().min(1).optional(),
  /** Qdrant server for the qdrant vector engine (estates too big for one process). */
  QDRANT_URL: z.url().optional(),
  // Entry points (escher task / serve / lambda).
  /** The trigger of a container task (ECS RunTask override, ACI, Cloud Run job). */
  ESCHER_TRIGGER: z.string().min(1).optional(),
  /** Listening port of `escher serve` (Cloud Run sets it). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The audience Pub/Sub push and Eventarc put in their OIDC tokens (usually the service URL). */
  ESCHER_PUSH_AUDIENCE: z.string().min(1).optional(),
  /** The push subscription's service account; tokens of any other account are refused. */
  ESCHER_PUSH_SERVICE_ACCOUNT: z.string().min(1).optional(),
  /** Google's token certificates endpoint override (tests use a local issuer). */
  ESCHER_OIDC_CERTS_URL: z.url().optional(),
  /** host:port of the Lambda Runtime API (set by Lambda for `escher lambda`). */
  AWS_LAMBDA_RUNTIME_API: z.string().min(1).optional(),
  AWS_LAMBDA_FUNCTION_NAME: z.string().min(1).optional(),
});

export type RuntimeEnv = z.infer<typeof RuntimeEnvSchema> & {
  /** The full environment, for SDK credential chains that read their own variables. */
  readonly raw: Readonly<Record<string, string | undefined>>;
};

export function loadRuntimeEnv(source: Record<string, string | undefined> = process.env): RuntimeEnv {
  const parsed = RuntimeEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`environment variable ${field} is invalid: ${issue?.message ?? 'bad value'}`);
  }
  return { ...parsed.data, raw: { ...source } };
}

/** The default store for Local Only mode and the demo. */
export function defaultStoreUrl(env: RuntimeEnv): string {
  return env.ESCHER_STORE ?? `file://${join(env.ESCHER_HOME, 'state')}`;
}
