// The CRITICAL poll's memory between minutes: each finding still open, when it was first
// seen (its episode, part of its event id) and whether its alert went through. A finding
// a successful poll of its account no longer sees is resolved; if it comes back, it is a
// new episode and a new alert. Records live in alerts_events under `poll-finding:`.

import { CloudProviderSchema } from '@escher/shared';
import { z } from 'zod';
import type { RunnerState } from '../pipeline/state.js';
import { CRITICAL_KINDS, type CriticalFinding, findingKey } from './critical-findings.js';

const PREFIX = 'poll-finding:';

export const OpenFindingSchema = z.object({
  finding: z.object({
    cloud: CloudProviderSchema,
    account: z.string().min(1),
    kind: z.enum(CRITICAL_KINDS),
    resource_id: z.string().min(1),
    name: z.string(),
    region: z.string(),
    detail: z.string(),
  }),
  first_seen: z.iso.datetime(),
  /** True once the pipeline finished its event (alerted, remediated or recorded). */
  alerted: z.boolean(),
  resolved_at: z.iso.datetime().optional(),
});
export type OpenFinding = z.infer<typeof OpenFindingSchema>;

export interface Reconciled {
  /** Every finding open after this poll, new ones included. */
  open: OpenFinding[];
  /** Open findings whose alert has not gone through yet (new, or failed last minute). */
  toAlert: OpenFinding[];
  resolved: OpenFinding[];
}

/**
 * Pure: this poll's findings against the open ones. `polled` holds `cloud/account` of the
 * accounts whose collectors answered; a finding of an account that could not be read stays
 * open rather than being called resolved.
 */
export function reconcile(
  previous: readonly OpenFinding[],
  seen: readonly CriticalFinding[],
  polled: ReadonlySet<string>,
  now: Date,
): Reconciled {
  const at = now.toISOString();
  const before = new Map(previous.map((o) => [findingKey(o.finding), o]));
  const open: OpenFinding[] = seen.map((finding) => {
    const known = before.get(findingKey(finding));
    return known ?? { finding, first_seen: at, alerted: false };
  });
  const seenKeys = new Set(seen.map(findingKey));
  const resolved: OpenFinding[] = [];
  for (const o of previous) {
    if (seenKeys.has(findingKey(o.finding))) continue;
    if (polled.has(`${o.finding.cloud}/${o.finding.account}`)) resolved.push({ ...o, resolved_at: at });
    else open.push(o);
  }
  return { open, toAlert: open.filter((o) => !o.alerted), resolved };
}

export function openFindings(state: RunnerState) {
  const id = (o: OpenFinding) => `${PREFIX}${findingKey(o.finding)}`;
  return {
    async list(): Promise<OpenFinding[]> {
      const all = (await state.listRecords('alerts_events', PREFIX)).map((r) => OpenFindingSchema.parse(r));
      return all.filter((o) => !o.resolved_at);
    },
    save: (o: OpenFinding) => state.putRecord('alerts_events', id(o), o),
  };
}
