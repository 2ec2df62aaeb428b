// Failures of GCP catalog entries, wrapped at the SDK boundary with the resource named. The
// Storage library reports HTTP statuses; the Compute library gRPC codes (5 NOT_FOUND,
// 7 PERMISSION_DENIED) even over REST, so both are read.

import { ConfigError, TransientError } from '../../errors.js';
import { ResourceGoneError } from '../aws/errors.js';

const NOT_FOUND = new Set([404, 5]);
const DENIED = new Set([401, 403, 7, 16]);

export function wrapGcpError(err: unknown, what: string): Error {
  const code = Number((err as { code?: unknown }).code);
  if (NOT_FOUND.has(code)) {
    return new ResourceGoneError(`${what} no longer exists`, {
      cause: err,
      hint: 'the event is kept in the dead-letter; nothing was changed',
    });
  }
  if (DENIED.has(code)) {
    return new ConfigError(`${what}: the runner's service account is not allowed`, {
      cause: err,
      hint: 'grant the permissions the catalog entry needs in this project (see the GCP stack)',
    });
  }
  return new TransientError(`${what}: ${(err as Error).message || 'request failed'}`, { cause: err });
}

export async function gcpCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw wrapGcpError(err, what);
  }
}
