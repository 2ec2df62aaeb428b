// The runner's own AWS clients (state bucket, SSM secrets) are configured from the runtime
// environment in one way, so an endpoint override or explicit keys reach every one of them.

import type { RuntimeEnv } from '../../config/env.js';

export interface RunnerAwsConfig {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Region, endpoint override (moto) and explicit keys when both halves are set; else the SDK's chain. */
export function runnerAwsConfig(env: RuntimeEnv): RunnerAwsConfig {
  return {
    region: env.AWS_REGION,
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
  };
}

/** The error code and HTTP status an AWS SDK v3 error carries, empty when it is something else. */
export function awsErrorCode(err: unknown): { code: string; status: number | undefined } {
  const { name = '', $metadata } = (err ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return { code: name, status: $metadata?.httpStatusCode };
}
