// Failures of Azure catalog entries, wrapped at the SDK boundary with the resource named:
// a 404 means the event's resource is gone (nothing to fix, no retry), 401/403 means the
// runner's identity lacks a role (fix the deployment), anything else may pass.

import { ConfigError, TransientError } from '../../errors.js';
import { ResourceGoneError } from '../aws/errors.js';

export function wrapAzureError(err: unknown, what: string): Error {
  const status = (err as { statusCode?: number }).statusCode;
  const code = (err as { code?: string }).code;
  if (status === 404 || code === 'ResourceNotFound' || code === 'ContainerNotFound') {
    return new ResourceGoneError(`${what} no longer exists`, {
      cause: err,
      hint: 'the event is kept in the dead-letter; nothing was changed',
    });
  }
  if (status === 401 || status === 403) {
    return new ConfigError(`${what}: the runner's identity is not allowed (${code ?? status})`, {
      cause: err,
      hint: 'grant the role the catalog entry needs on this subscription (see the Azure stack)',
    });
  }
  return new TransientError(`${what}: ${(err as Error).message || code || 'request failed'}`, { cause: err });
}

export async function azureCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw wrapAzureError(err, what);
  }
}
