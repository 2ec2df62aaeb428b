// The errors every cloud adapter maps its SDK's failures onto, so callers handle one
// family: a missing bucket or bad credentials is the user's to fix (ConfigError, exit 2),
// a lost conditional write is PreconditionFailedError, throttling and 5xx are transient.

import { ConfigError, EscherError, PreconditionFailedError, TransientError } from '../errors.js';

export function missingContainer(storeUrl: string, what: string, name: string, cause: unknown): ConfigError {
  return new ConfigError(`${what} "${name}" of store ${storeUrl} does not exist`, {
    hint: `create the ${what} "${name}" or point ESCHER_STORE at one that exists`,
    cause,
  });
}

export function rejectedCredentials(storeUrl: string, credential: string, cause: unknown): ConfigError {
  return new ConfigError(`the credentials for store ${storeUrl} were rejected`, {
    hint: `fix ${credential}`,
    cause,
  });
}

export function lostRace(storeUrl: string, key: string, cause: unknown): PreconditionFailedError {
  return new PreconditionFailedError(
    `object "${key}" in ${storeUrl} was changed or created by another writer`,
    {
      cause,
    },
  );
}

/** Status codes that tend to pass on their own. */
export function isTransientStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

export function otherFailure(
  storeUrl: string,
  op: string,
  status: number | undefined,
  cause: unknown,
): EscherError {
  const message = `${op} on store ${storeUrl} failed${status ? ` with HTTP ${status}` : ''}: ${
    cause instanceof Error ? cause.message : String(cause)
  }`;
  return isTransientStatus(status)
    ? new TransientError(message, { cause })
    : new EscherError(message, { cause });
}
