// HTTPS client for the stateless Escher AI server: one POST per analysis or report
// summary, a timeout per attempt (default 5 s), bounded retries with full jitter on
// timeouts/429/5xx, a bearer token from the SecretStore, and strict validation of every answer.

import {
  type AnalysisRequest,
  type AnalysisResponse,
  AnalysisResponseSchema,
  type ReportSummaryRequest,
  type ReportSummaryResponse,
  ReportSummaryResponseSchema,
} from '@escher/shared';
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { AiContractError, AiUnavailableError } from './errors.js';

export const AI_TOKEN_SECRET = 'escher/ai/token';

export interface AiClientOptions {
  url: string;
  timeoutMs: number;
  /** Total attempts, first included. */
  maxAttempts?: number;
  token: () => Promise<string | undefined>;
  log: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface AiClient {
  analyse(request: AnalysisRequest): Promise<{ response: AnalysisResponse; attempts: number }>;
  /** POST /v1/report-summaries: headline, bullets, priorities and questions for a report. */
  summariseReport(
    request: ReportSummaryRequest,
  ): Promise<{ response: ReportSummaryResponse; attempts: number }>;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const BASE_DELAY_MS = 100;

export function createAiClient(options: AiClientOptions): AiClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 3;
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;

  async function post<T>(path: string, request: unknown, schema: z.ZodType<T>) {
    const endpoint = new URL(path, base);
    const token = await options.token();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const body = JSON.stringify(request);
    let lastProblem = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(random() * BASE_DELAY_MS * 2 ** (attempt - 1));
      let res: Response;
      let text: string;
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        lastProblem = timedOut
          ? `no answer within ${options.timeoutMs} ms`
          : `request failed: ${(err as Error).message}`;
        options.log.warn('AI server attempt failed', { attempt, problem: lastProblem });
        continue;
      }
      if (RETRYABLE_STATUS.has(res.status)) {
        lastProblem = `HTTP ${res.status}`;
        options.log.warn('AI server attempt failed', { attempt, problem: lastProblem });
        continue;
      }
      if (!res.ok) throw new AiContractError(`AI server refused the request with HTTP ${res.status}`);
      return { response: parseAnswer(text, schema), attempts: attempt };
    }
    throw new AiUnavailableError(`AI server unavailable after ${maxAttempts} attempts: ${lastProblem}`, {
      hint: 'the built-in analyst answered instead',
    });
  }

  return {
    analyse: (request) => post('v1/analyses', request, AnalysisResponseSchema),
    summariseReport: (request) => post('v1/report-summaries', request, ReportSummaryResponseSchema),
  };
}

function parseAnswer<T>(text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AiContractError('AI server answered with malformed JSON', { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AiContractError(
      `AI server answer is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'bad value'}`,
    );
  }
  return parsed.data;
}
