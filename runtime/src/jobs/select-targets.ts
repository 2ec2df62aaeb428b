// Target selection from the estate snapshot: which resources a job would act on. Pure:
// estate records in, targets (and what was held back, with the reason) out.

import { type EstateResource, type JobSpec, matchesTags, parseTagExpression } from '@escher/shared';

export interface Selection {
  /** Resources in the job's scope (types, clouds, accounts, regions): the fleet guardrails compare with. */
  fleet: EstateResource[];
  /** Resources the tag expression selects and the job may touch. */
  targets: EstateResource[];
  /** Selected by tags but held back (production without allow_production). */
  held: { resource: EstateResource; reason: string }[];
}

export function isProduction(r: Pick<EstateResource, 'environment' | 'tags'>): boolean {
  return r.environment === 'production' || r.tags.environment === 'production';
}

export function inScope(spec: JobSpec, r: EstateResource): boolean {
  const s = spec.selector;
  return (
    (s.resource_types as readonly string[]).includes(r.resource_type) &&
    s.clouds.includes(r.cloud_provider) &&
    (s.accounts.length === 0 || s.accounts.includes(r.account_id)) &&
    (s.regions.length === 0 || s.regions.includes(r.region))
  );
}

export function selectTargets(spec: JobSpec, estate: readonly EstateResource[]): Selection {
  const expr = parseTagExpression(spec.selector.tags);
  const fleet = estate.filter((r) => inScope(spec, r));
  const targets: EstateResource[] = [];
  const held: Selection['held'] = [];
  for (const r of fleet) {
    if (!matchesTags(expr, r.tags)) continue;
    if (isProduction(r) && !spec.guardrails.allow_production) {
      held.push({ resource: r, reason: 'environment=production and the job does not allow production' });
    } else {
      targets.push(r);
    }
  }
  return { fleet, targets, held };
}
