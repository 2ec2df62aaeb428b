// JSON Schemas of the AI contract, for the AI server's implementers outside this codebase.

import { z } from 'zod';
import { AnalysisRequestSchema } from './analysis-request.js';
import { AnalysisResponseSchema } from './analysis-response.js';
import { ReportSummaryRequestSchema, ReportSummaryResponseSchema } from './report-summary.js';

export function analysisRequestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AnalysisRequestSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
}

export function analysisResponseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AnalysisResponseSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}

export function reportSummaryRequestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSummaryRequestSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
}

export function reportSummaryResponseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSummaryResponseSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}
