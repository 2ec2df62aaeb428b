// Timeline wording, in the seed's voice ("Auto-remediation check: APPROVED",
// "Verification: Bucket now private ✅"). Pure.

import type {
  ActionResult,
  AnalysisResponse,
  AnalystInfo,
  DecidedAction,
  UnifiedEvent,
} from '@escher/shared';
import type { DeliveryResult } from '../notify/notification.js';
import type { Enrichment } from './enrich.js';

const DISPOSITION: Record<DecidedAction['disposition'], string> = {
  execute: 'APPROVED',
  dry_run: 'APPROVED (dry run)',
  pending_approval: 'NEEDS APPROVAL',
  notify_only: 'NOTIFY ONLY',
  declined: 'DECLINED',
};

export const resourceText = (e: UnifiedEvent) =>
  `${e.resource.type.replaceAll('_', ' ')} ${e.resource.name || e.resource.id}`;

export function eventText(e: UnifiedEvent): string {
  const actor = e.resource.metadata.actor;
  const by = typeof actor === 'string' && actor ? ` by ${actor.split('/').pop()}` : '';
  return `${e.event_type.replaceAll('_', ' ')} on ${resourceText(e)}${by}`;
}

export function enrichText(x: Enrichment): string {
  const facts = [
    x.environment,
    x.data_classification && `contains ${x.data_classification}`,
    x.owner && `owner ${x.owner}`,
  ];
  const known = facts.filter(Boolean).join(', ');
  return `Estate lookup: ${x.in_estate ? known || 'no classification' : 'resource not in the estate'}; severity = ${x.severity} (${x.severity_reason})`;
}

export function analyseText(info: AnalystInfo, r: AnalysisResponse): string {
  const who = info.analyst === 'server' ? 'AI server' : 'Built-in analyst';
  const why = info.fallback_reason ? ` [${info.fallback_reason}]` : '';
  return `${who}: severity = ${r.severity}, ${r.root_cause}${why}`;
}

export function decideText(decision: DecidedAction[]): string {
  if (decision.length === 0) return 'Auto-remediation check: no catalog action applies';
  return `Auto-remediation check: ${decision.map((d) => `${d.action} ${DISPOSITION[d.disposition]} (${d.reason})`).join('; ')}`;
}

export function actText(r: ActionResult): string {
  if (r.outcome === 'dry_run') return `Dry run: ${r.reason}`;
  if (r.outcome === 'skipped') return `Executed: ${r.action} — nothing to change (${r.reason})`;
  return `Executed: ${r.action} — ${r.changes.join('; ') || 'no change'}`;
}

export const verifyText = (r: ActionResult) =>
  `Verification: ${r.observed ?? 'not verified'} ${r.verified ? '✅' : '❌'}`;

export function notifyText(results: DeliveryResult[]): string {
  if (results.length === 0) return 'Notifications: no channel configured for this severity';
  const sent = results.filter((r) => r.ok).map((r) => r.channel);
  const failed = results.filter((r) => !r.ok).map((r) => r.channel);
  return `Notifications sent: ${sent.join(' + ') || 'none'}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`;
}
