// The context a catalog entry runs with in these tests: one cloud account's target and a
// silent logger. Each cloud's setup fixes where its test estate lives.

import type { OperationTarget } from '@escher/shared';
import { createLogger } from '../../src/log.js';
import type { ExecutorContext } from '../../src/remediation/executor.js';
import { Redactor } from '../../src/secrets/redactor.js';

export type TestAccount = Pick<OperationTarget, 'cloud' | 'account' | 'region'>;

/** `contextFor(resourceId, resourceType, params)` for targets in the given account. */
export function contextsIn(account: TestAccount) {
  return (
    resourceId: string,
    resourceType: string,
    params: Record<string, unknown> = {},
  ): ExecutorContext => ({
    target: { ...account, resource_type: resourceType, resource_id: resourceId, params },
    log: createLogger({ level: 'error', redactor: new Redactor(), sink: () => {} }),
  });
}
