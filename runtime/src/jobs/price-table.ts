// Savings estimates. A resource's own `monthly_cost_usd` (from the estate's cost data) wins;
// otherwise this table of on-demand list prices (USD per hour, Linux, us-east-1 / eastus /
// us-central1, as published by each vendor in 2025) gives an estimate; unknown sizes count 0.

import type { EstateResource } from '@escher/shared';

export const HOURS_PER_MONTH = 730;

/**
 * Share of the month a nightly-stopped resource is off: 20:00-08:00 on weekdays plus the
 * weekend, i.e. 108 of 168 hours a week. Stated, not measured: the summary says "est.".
 */
export const OFF_HOURS_FRACTION = 108 / 168;

export const HOURLY_PRICE_USD: Readonly<Record<string, number>> = {
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3.large': 0.0832,
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'db.t3.micro': 0.017,
  'db.t3.medium': 0.068,
  Standard_B2s: 0.0416,
  Standard_D2s_v3: 0.096,
  Standard_D4s_v3: 0.192,
  'e2-medium': 0.0335,
  'e2-standard-2': 0.067,
  'n2-standard-2': 0.0971,
};

export function monthlyCost(r: Pick<EstateResource, 'monthly_cost_usd' | 'size'>): number {
  if (r.monthly_cost_usd !== undefined) return r.monthly_cost_usd;
  const hourly = r.size ? HOURLY_PRICE_USD[r.size] : undefined;
  return hourly === undefined ? 0 : hourly * HOURS_PER_MONTH;
}

/** Estimated monthly savings of keeping these resources stopped off-hours, rounded to dollars. */
export function estimatedMonthlySavings(
  stopped: readonly Pick<EstateResource, 'monthly_cost_usd' | 'size'>[],
): number {
  return Math.round(stopped.reduce((sum, r) => sum + monthlyCost(r) * OFF_HOURS_FRACTION, 0));
}
