// Bounded retries with exponential backoff and full jitter, for SDK calls whose own retry
// settings do not cover throttling and 5xx (e.g. non-idempotent Compute Engine POSTs,
// where a repeated stop/start is harmless).

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** gRPC codes the Google libraries map 429 and 5xx to: RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE, DEADLINE_EXCEEDED. */
const RETRYABLE_GRPC = new Set([8, 13, 14, 4]);

export function isRetryable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; status?: unknown; statusCode?: unknown };
  const http = [e.status, e.statusCode, e.code].find((v) => typeof v === 'number' && v >= 400);
  if (typeof http === 'number') return http === 429 || http >= 500;
  return typeof e.code === 'number' && RETRYABLE_GRPC.has(e.code);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 20_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      await sleep(Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1))));
    }
  }
}
