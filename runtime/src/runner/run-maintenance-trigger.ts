// `{kind:'maintenance'}` for the dispatch table: expires append-only records past the
// configured retention, compacts the vector snapshot's segments and collects unlisted ones
// past their grace period. A store without a snapshot has
// nothing to maintain; a failure is retried by the platform.

import { MANIFEST_KEY } from '@escher/shared';
import { asEscherError, ConfigError } from '../errors.js';
import { deadLetter } from '../pipeline/dead-letter.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { combine, type RunResult } from '../pipeline/result.js';

export async function runMaintenanceTrigger(deps: PipelineDeps): Promise<RunResult> {
  const id = `maintenance:${deps.clock().toISOString()}`;
  try {
    if (!deps.runtime)
      throw new ConfigError('maintenance needs the runner built from its environment (buildRunnerDeps)');
    const { collectGarbage, compactSnapshot, expireByRetention, openSnapshot } = await import(
      '../snapshot/index.js'
    );
    if (!(await deps.runtime.store.get(MANIFEST_KEY))) {
      deps.log.info('no snapshot in the store; nothing to maintain');
      return combine([{ status: 'done', id, duplicate: false }]);
    }
    const snap = await openSnapshot(deps.runtime.store, deps.runtime.secrets, { now: deps.clock });
    const expired = await expireByRetention(snap, deps.runtime.config?.retention);
    const compacted = await compactSnapshot(snap);
    const gc = await collectGarbage(snap);
    deps.log.info('state maintenance', {
      expired: Object.fromEntries(expired.map((e) => [e.collection, e.expired.length])),
      compacted: compacted.length,
      deleted: gc.deleted.length,
      young: gc.young,
    });
    return combine([{ status: 'done', id, duplicate: false }]);
  } catch (err) {
    const error = asEscherError(err);
    if (error.exitCode !== 2) return combine([{ status: 'retry', id, error }]);
    const deadLetterId = await deadLetter(deps, {
      id,
      step: 'dispatch',
      error,
      raw: { kind: 'maintenance' },
    });
    return combine([{ status: 'bad_input', id, error, deadLetterId }]);
  }
}
