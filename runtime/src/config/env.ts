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
  /** The stateless Escher AI server; unset means the built-in deterministic analyst answers. */
  ESCHER_AI_URL: z.url().optional(),
  ESCHER_AI_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  ESCHER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Home of local state and configuration (Local Only mode). */
  ESCHER_HOME: z.string().min(1).default(join(homedir(), '.escher')),
  // Emulator and endpoint overrides, honoured by the SDK adapters.
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  STORAGE_EMULATOR_HOST: z.string().min(1).optional(),
  /** Directory with all-MiniLM-L6-v2 (model.onnx + tokenizer files); unset: the hashed fallback embedder. */
  ESCHER_EMBED_MODEL: z.string().min(1).optional(),
  /** Qdrant server for the qdrant vector engine (estates too big for one process). */
  QDRANT_URL: z.url().optional(),
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
