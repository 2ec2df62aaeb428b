// The analysis step's single entry: ask the AI server when one is configured, check its
// answer against what policy offered (it may narrow, never widen), and let the built-in
// analyst answer whenever the server is absent, fails, or oversteps. Never throws.

import type { AnalysisRequest, AnalysisResponse, AnalystInfo } from '@escher/shared';
import { asEscherError } from '../errors.js';
import type { Logger } from '../log.js';
import { builtinAnalysis } from './builtin-analyst.js';
import type { AiClient } from './client.js';
import { AiPolicyViolationError } from './errors.js';

export interface AnalysisOutcome {
  response: AnalysisResponse;
  info: AnalystInfo;
}

/** Throws AiPolicyViolationError when the answer asks for more than the request offered. */
export function checkWithinOffer(request: AnalysisRequest, response: AnalysisResponse): void {
  if (response.request_id !== request.request_id) {
    throw new AiPolicyViolationError(
      `answer is for request ${response.request_id}, not ${request.request_id}`,
    );
  }
  const action = response.recommended_action;
  if (action !== null && !request.candidate_actions.includes(action)) {
    throw new AiPolicyViolationError(
      `server recommended ${action}, which policy did not offer for this event`,
    );
  }
  const extra = response.targets.filter((t) => !request.candidate_targets.includes(t));
  if (extra.length > 0) {
    throw new AiPolicyViolationError(
      `server named targets outside the offered set: ${extra.slice(0, 5).join(', ')}`,
    );
  }
}

export async function analyse(
  request: AnalysisRequest,
  client: AiClient | undefined,
  log: Logger,
): Promise<AnalysisOutcome> {
  if (!client) {
    return {
      response: builtinAnalysis(request),
      info: { analyst: 'builtin', fallback_reason: 'no AI server configured', attempts: 0 },
    };
  }
  try {
    const { response, attempts } = await client.analyse(request);
    checkWithinOffer(request, response);
    return { response, info: { analyst: 'server', attempts } };
  } catch (err) {
    const error = asEscherError(err);
    log.warn('AI server answer not used; built-in analyst answers', {
      error: error.name,
      reason: error.message,
    });
    return {
      response: builtinAnalysis(request),
      info: { analyst: 'builtin', fallback_reason: `${error.name}: ${error.message}`, attempts: 0 },
    };
  }
}
