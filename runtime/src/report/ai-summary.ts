// The report's summary: the AI server's when one is configured and its answer is usable,
// the deterministic built-in one otherwise. The summary says which answered and, after a
// fallback, why. Never throws: a report is complete without the AI server.

import type { Report, ReportSummary, ReportSummaryResponse } from '@escher/shared';
import type { AiClient } from '../ai/client.js';
import { AiContractError } from '../ai/errors.js';
import { asEscherError } from '../errors.js';
import type { Logger } from '../log.js';
import { summaryRequest } from './analyse/summary-request.js';

/** The answer may rank the report's findings, never name others. */
function checkAnswer(report: Report, requestId: string, answer: ReportSummaryResponse): void {
  if (answer.request_id !== requestId)
    throw new AiContractError(`answer is for request ${answer.request_id}, not ${requestId}`);
  const known = new Set(report.findings.map((f) => f.id));
  const unknown = answer.priorities.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AiContractError(
      `answer ranks findings the report does not have: ${unknown.slice(0, 3).join(', ')}`,
    );
}

export async function summarise(
  report: Report,
  ai: AiClient | undefined,
  log?: Logger,
): Promise<ReportSummary> {
  const builtin = report.summary;
  if (!ai) return builtin;
  const request = summaryRequest(report);
  try {
    const { response } = await ai.summariseReport(request);
    checkAnswer(report, request.request_id, response);
    const { headline, bullets, priorities, questions } = response;
    return { headline, bullets, priorities, questions, source: 'ai' };
  } catch (err) {
    const error = asEscherError(err);
    log?.warn('AI report summary not used; the built-in summary answers', {
      error: error.name,
      reason: error.message,
    });
    return { ...builtin, source: 'builtin', fallback_reason: error.message };
  }
}
