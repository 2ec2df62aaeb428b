// Reads what the runtime recorded about itself — alert records (`alert:*` in alerts_events)
// and dead letters — through RunnerState, for the report's operational health.

import type { CollectorStatus, RuntimeHealth } from '@escher/shared';
import { asEscherError } from '../errors.js';
import type { RunnerState } from '../pipeline/state.js';
import { runtimeHealth } from './analyse/runtime-health.js';

export const RUNTIME_COLLECTOR = 'runtime.alerts';

export async function collectRuntimeHealth(
  state: RunnerState,
  now: Date,
): Promise<{ health?: RuntimeHealth; status: CollectorStatus }> {
  const status = {
    collector: RUNTIME_COLLECTOR,
    section: 'health' as const,
    cloud: 'runtime' as const,
    account: '',
  };
  try {
    const [alerts, deadLetters] = await Promise.all([
      state.listRecords('alerts_events', 'alert:'),
      state.deadLetters(),
    ]);
    return { health: runtimeHealth(alerts, deadLetters, now), status: { ...status, status: 'ok' } };
  } catch (err) {
    return { status: { ...status, status: 'unavailable', reason: asEscherError(err).message } };
  }
}
