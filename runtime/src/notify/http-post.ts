// One POST with the rules every push channel shares: a bounded timeout per attempt, a few
// retries on 429 and 5xx that honour Retry-After (capped, so a vendor cannot stall the run),
// and errors that name the channel and status but never the URL (webhook URLs are secrets).

import { TransientError } from '../errors.js';
import { DeliveryRejectedError } from './errors.js';

export interface PostDeps {
  fetch?: typeof fetch;
  /** Injected so tests can record back-off delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
}

export interface PostResult {
  status: number;
  text: string;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 10_000;
const BASE_BACKOFF_MS = 250;

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date; anything else falls back to exponential back-off. */
export function retryDelayMs(retryAfter: string | null, attempt: number, now = Date.now()): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
  }
  return BASE_BACKOFF_MS * 2 ** attempt;
}

const retryable = (status: number) => status === 429 || status >= 500;

export async function postJson(
  channel: string,
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  deps: PostDeps = {},
): Promise<PostResult> {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? realSleep;
  const retries = deps.retries ?? DEFAULT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS)]),
      });
    } catch (cause) {
      if (attempt >= retries || signal.aborted) {
        throw new TransientError(`${channel}: request failed (${(cause as Error).name})`, { cause });
      }
      await sleep(retryDelayMs(null, attempt));
      continue;
    }
    const text = await response.text();
    if (response.ok) return { status: response.status, text };
    if (!retryable(response.status) || attempt >= retries) {
      const message = `${channel}: HTTP ${response.status} ${text.slice(0, 200)}`.trim();
      const details = { status: response.status };
      throw retryable(response.status)
        ? new TransientError(message, { details })
        : new DeliveryRejectedError(message, { details, hint: 'check the channel secret and payload' });
    }
    await sleep(retryDelayMs(response.headers.get('retry-after'), attempt));
  }
}
