// Findings against the previous report: new since yesterday, still open, or resolved.

import type { Finding, Report } from '@escher/shared';
import type { FindingDraft } from './draft.js';

export interface FindingDiff {
  findings: Finding[];
  resolved: FindingDraft[];
}

export function diffFindings(current: FindingDraft[], previous: Report | undefined): FindingDiff {
  const before = new Map((previous?.findings ?? []).map((f) => [f.id, f]));
  const now = new Set(current.map((f) => f.id));
  return {
    findings: current.map((f) => ({ ...f, status: before.has(f.id) ? 'open' : 'new' })),
    resolved: [...before.values()].filter((f) => !now.has(f.id)).map(({ status: _status, ...rest }) => rest),
  };
}
