// JSON Schemas of the AI contract, for the AI server's implementers outside this codebase.

import { z } from 'zod';
import { AnalysisRequestSchema } from './analysis-request.js';
import { AnalysisResponseSchema } from './analysis-response.js';
import { ReportSummaryRequestSchema, ReportSummaryResponseSchema } from './report-summary.js';

/**
 * Requests are described as we send them (`output`: defaults applied) and responses as we
 * accept them (`input`: what may be left out), so each side's schema is the one it codes to.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Record<string, unknown>;
}

export const analysisRequestJsonSchema = () => jsonSchema(AnalysisRequestSchema, 'output');
export const analysisResponseJsonSchema = () => jsonSchema(AnalysisResponseSchema, 'input');
export const reportSummaryRequestJsonSchema = () => jsonSchema(ReportSummaryRequestSchema, 'output');
export const reportSummaryResponseJsonSchema = () => jsonSchema(ReportSummaryResponseSchema, 'input');
