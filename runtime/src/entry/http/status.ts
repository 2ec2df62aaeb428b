// Run results as HTTP statuses, per delivering platform, so each retries exactly what is
// worth retrying:
// - Pub/Sub push (and Eventarc, which delivers through Pub/Sub) treats only 102/200/201/202/204
//   as an ack and redelivers everything else, 4xx included; a bad input is dead-lettered in
//   the state already, so it is acknowledged.
// - Event Grid does not retry 400/401/403/413 (the event goes to its dead-letter destination)
//   and retries 404/408/429/5xx.
// - Azure Monitor action groups and Logic Apps HTTP actions retry 408/429/5xx, not 4xx.

import type { RunResult } from '../../pipeline/result.js';
import { summarize } from '../run-input.js';
import type { HttpAnswer } from './types.js';

export type Platform = 'pubsub' | 'eventgrid' | 'webhook';

const STATUS: Record<Platform, Record<RunResult['status'], number>> = {
  pubsub: { done: 204, bad_input: 204, retry: 503 },
  eventgrid: { done: 200, bad_input: 400, retry: 503 },
  webhook: { done: 200, bad_input: 400, retry: 503 },
};

export function answerFor(platform: Platform, result: RunResult): HttpAnswer {
  const status = STATUS[platform][result.status];
  // 204 must not carry a body; the outcome goes into a header for whoever is watching.
  if (status === 204) return { status, headers: { 'x-escher-status': result.status } };
  return { status, body: summarize(result) };
}
