// The report-summary contract: a request that parses and one that must not (free text
// where only figures and ids belong), an answer likewise, and the JSON Schemas outsiders get.

import {
  ReportSummaryRequestSchema,
  ReportSummaryResponseSchema,
  reportSummaryRequestJsonSchema,
  reportSummaryResponseJsonSchema,
} from '@escher/shared';
import { describe, expect, it } from 'vitest';

const request = {
  request_id: 'report:2026-11-22@2026-11-22T02:00:00.000Z',
  date: '2026-11-22',
  focus: 'balanced',
  format: 'detailed',
  totals: {
    resources: 12,
    potential_monthly_savings_usd: 140.16,
    by_severity: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, INFO: 0 },
    new_findings: 1,
    resolved_findings: 0,
    new_resources: 0,
  },
  findings: [
    {
      id: 'public_bucket:aws:123456789012:acme',
      kind: 'public_bucket',
      section: 'security',
      severity: 'CRITICAL',
      cloud: 'aws',
      status: 'new',
    },
  ],
  unavailable_sections: ['cost'],
};

describe('the report-summary contract', () => {
  it('accepts a request of figures and finding ids', () => {
    expect(ReportSummaryRequestSchema.parse(request)).toEqual(request);
  });

  it('refuses a finding that carries text such as a title or detail', () => {
    const withText = {
      ...request,
      findings: [{ ...request.findings[0], title: 'Public bucket acme', detail: 'secret stuff' }],
    };
    expect(ReportSummaryRequestSchema.safeParse(withText).success).toBe(false);
  });

  it('accepts a summary answer and refuses one without a headline', () => {
    const answer = {
      request_id: request.request_id,
      headline: '1 critical finding',
      bullets: [],
      priorities: ['public_bucket:aws:123456789012:acme'],
      questions: ['Who made acme public?'],
    };
    expect(ReportSummaryResponseSchema.parse(answer)).toEqual(answer);
    expect(ReportSummaryResponseSchema.safeParse({ ...answer, headline: '' }).success).toBe(false);
  });

  it('exports both as JSON Schema with their required fields', () => {
    expect(reportSummaryRequestJsonSchema().required).toEqual(
      expect.arrayContaining(['request_id', 'date', 'totals', 'findings']),
    );
    expect(reportSummaryResponseJsonSchema().required).toEqual(
      expect.arrayContaining(['request_id', 'headline', 'priorities', 'questions']),
    );
  });
});
