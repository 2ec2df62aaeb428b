// Which facts of the report's security collectors are CRITICAL conditions worth an alert
// within the minute: a bucket or container readable by anyone, and an admin port open to
// the internet (the same ratings the event normalisers give the calls that cause them).
// Weak password policies and missing root MFA wait for the morning report.

import type { CloudProvider } from '@escher/shared';
import type { ExposureFact, Observed } from '../report/collectors/observations.js';

export const CRITICAL_KINDS = ['public_bucket', 'open_admin_port'] as const;
export type CriticalKind = (typeof CRITICAL_KINDS)[number];

export interface CriticalFinding {
  cloud: CloudProvider;
  account: string;
  kind: CriticalKind;
  resource_id: string;
  name: string;
  region: string;
  detail: string;
}

const isCritical = (fact: ExposureFact): fact is ExposureFact & { kind: CriticalKind } =>
  (CRITICAL_KINDS as readonly string[]).includes(fact.kind);

/** One identity per finding: the same exposure seen by the next poll has the same key. */
export const findingKey = (f: Pick<CriticalFinding, 'cloud' | 'account' | 'kind' | 'resource_id'>) =>
  `${f.cloud}/${f.account}/${f.kind}/${f.resource_id}`;

export function criticalFindings(observed: readonly Observed[]): CriticalFinding[] {
  const found = new Map<string, CriticalFinding>();
  for (const o of observed) {
    if (o.section !== 'security') continue;
    for (const fact of o.exposures.filter(isCritical)) {
      const finding: CriticalFinding = {
        cloud: o.cloud,
        account: o.account,
        kind: fact.kind,
        resource_id: fact.resource_id,
        name: fact.name,
        region: fact.region,
        detail: fact.detail,
      };
      // An NSG with two open admin rules is two findings; the same rule twice is one.
      found.set(findingKey(finding), finding);
    }
  }
  return [...found.values()];
}
