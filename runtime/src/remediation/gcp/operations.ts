// Waiting for Compute Engine global operations. The library's LRO wrapper carries the numeric
// id as `name`; the Operation resource it wraps has the real name to wait on.

import type { GlobalOperationsClient } from '@google-cloud/compute';
import { TransientError } from '../../errors.js';

/** operations.wait returns after at most about two minutes; this bounds the total. */
const MAX_WAITS = 10;

export async function waitGlobalOperation(
  client: GlobalOperationsClient,
  project: string,
  lro: unknown,
): Promise<void> {
  const name = (lro as { latestResponse?: { name?: string } })?.latestResponse?.name;
  if (!name) throw new TransientError('the Compute Engine API returned no operation');
  for (let i = 0; i < MAX_WAITS; i++) {
    const [op] = await client.wait({ project, operation: String(name) });
    if (op.status === 'DONE') {
      const errors = op.error?.errors ?? [];
      if (errors.length > 0)
        throw new TransientError(
          `operation ${name} failed: ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`,
        );
      return;
    }
  }
  throw new TransientError(`operation ${name} did not finish`);
}
