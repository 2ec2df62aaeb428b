// Failures of AWS catalog entries, wrapped at the SDK boundary with the resource named.

import { InputError, TransientError } from '../../errors.js';

/** The event's resource no longer exists: nothing to fix, and retrying will not help. */
export class ResourceGoneError extends InputError {
  override name = 'ResourceGoneError';
}

const GONE = new Set([
  'NoSuchBucket',
  'NotFound',
  'InvalidGroup.NotFound',
  'InvalidInstanceID.NotFound',
  'InvalidInstanceID.Malformed',
  'DBInstanceNotFound',
  'DBInstanceNotFoundFault',
]);

/** Maps an SDK error: missing resources become ResourceGoneError, the rest TransientError. */
export function wrapAwsError(err: unknown, what: string): Error {
  const name = (err as { name?: string }).name ?? '';
  if (GONE.has(name)) {
    return new ResourceGoneError(`${what} no longer exists`, {
      cause: err,
      hint: 'the event is kept in the dead-letter; nothing was changed',
    });
  }
  return new TransientError(`${what}: ${(err as Error).message || name}`, { cause: err });
}

/** Calls the SDK and maps its errors; `absent` names error codes that mean "not configured". */
export async function awsCall<T>(
  what: string,
  call: () => Promise<T>,
  absent: string[] = [],
): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (absent.includes((err as { name?: string }).name ?? '')) return undefined;
    throw wrapAwsError(err, what);
  }
}
