// The decision, pure and deterministic: policy first, then the analyst may only narrow.
// Order of checks: exclusion tags, the deployment's enabled catalog, the analyst's
// narrowing, the user's rejections, notify-only, approvals/pre-approvals, dry-run.

import {
  type AnalysisResponse,
  type ApprovalRequest,
  catalogEntry,
  type DecidedAction,
  type RemediationId,
  type RemediationSettings,
} from '@escher/shared';
import type { Candidate } from './candidates.js';
import { excludingTag, outOfScope, type ScopeFacts } from './scope.js';

export interface DecideInput {
  candidates: Candidate[];
  settings: RemediationSettings;
  /** Catalog entries this deployment has permissions for (config `remediations`). */
  deployed: readonly RemediationId[];
  analysis: AnalysisResponse;
  /** Approval requests already stored for this event, by id. */
  approvals: ReadonlyMap<string, ApprovalRequest>;
  facts: ScopeFacts;
  dryRun: boolean;
}

/** Approval ids are derived from the action and target, so redeliveries find the same one. */
export function approvalId(eventId: string, c: Pick<Candidate, 'action' | 'target'>): string {
  return `${eventId}|${c.action}|${c.target.resource_id}`;
}

export function decide(eventId: string, input: DecideInput): DecidedAction[] {
  return input.candidates.map((c) => {
    const [disposition, reason] = decideOne(eventId, c, input);
    return { action: c.action, target: c.target, params: c.params, disposition, reason };
  });
}

function decideOne(
  eventId: string,
  c: Candidate,
  input: DecideInput,
): [DecidedAction['disposition'], string] {
  const setting = catalogEntry(c.action).setting;
  const pre = input.settings.pre_approvals[setting] ?? {
    enabled: false,
    environments: [],
    accounts: [],
    exclude_tags: {},
  };
  const excluded = excludingTag(pre.exclude_tags, input.facts.tags);
  if (excluded) return ['declined', `excluded by tag ${excluded}`];
  if (!input.deployed.includes(c.action))
    return ['declined', `${c.action} is not enabled in this deployment`];
  if (input.analysis.recommended_action !== c.action) {
    return ['declined', `the analyst recommended ${input.analysis.recommended_action ?? 'no action'}`];
  }
  if (!input.analysis.targets.includes(c.target.resource_id)) {
    return ['declined', `the analyst left ${c.target.resource_id} out of its targets`];
  }
  const approval = input.approvals.get(approvalId(eventId, c));
  if (approval?.status === 'rejected')
    return ['declined', `rejected by ${approval.decided_by ?? 'the user'}`];
  if (input.settings.mode === 'notify_only') return ['notify_only', 'remediation mode is notify-only'];
  const scopeProblem = outOfScope(pre, input.facts);
  const approved = approval?.status === 'approved' || approval?.status === 'executed';
  if (scopeProblem && !approved)
    return ['pending_approval', `${setting}: ${scopeProblem}; approval requested`];
  const why = approved ? `approved by ${approval?.decided_by ?? 'the user'}` : `pre-approved (${setting})`;
  if (input.dryRun || input.settings.mode === 'dry_run')
    return ['dry_run', `${why}; dry run, nothing changed`];
  return ['execute', why];
}
