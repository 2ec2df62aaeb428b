// Guardrails checked before any call that changes a resource: too many targets, or too
// large a share of the fleet, aborts the whole run with a message naming the limit.

import type { JobSpec } from '@escher/shared';
import { GuardrailError } from './errors.js';
import type { Selection } from './select-targets.js';

export function checkGuardrails(spec: JobSpec, selection: Selection): void {
  const { max_targets, max_fleet_fraction } = spec.guardrails;
  const count = selection.targets.length;
  if (count > max_targets) {
    throw new GuardrailError(
      `job "${spec.name}" would ${spec.action} ${count} resources, more than guardrails.max_targets (${max_targets}); nothing was touched`,
      {
        hint: 'narrow selector.tags or raise guardrails.max_targets',
        details: { job: spec.name, count, max_targets },
      },
    );
  }
  const fleet = selection.fleet.length;
  if (fleet > 0 && count / fleet > max_fleet_fraction) {
    const share = Math.round((count / fleet) * 1000) / 10;
    throw new GuardrailError(
      `job "${spec.name}" would ${spec.action} ${count} of ${fleet} resources in scope (${share}%), more than guardrails.max_fleet_fraction (${max_fleet_fraction}); nothing was touched`,
      {
        hint: 'narrow selector.tags or raise guardrails.max_fleet_fraction',
        details: { job: spec.name, count, fleet },
      },
    );
  }
}
