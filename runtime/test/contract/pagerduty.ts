// PagerDuty Events API v2 (developer.pagerduty.com, "Send an Alert Event"): POST /v2/enqueue
// answers 202 {status:"success", message:"Event processed", dedup_key}; a bad event gets 400
// {status:"invalid event", message:"Event object is invalid", errors:[…]}; throttling is 429.
// The state tracks open alerts per dedup_key, as PagerDuty does.

import type { ContractRequest, Route } from './server.js';

export interface PagerDutyState {
  routingKeys: Set<string>;
  /** dedup_key → 'triggered' | 'resolved'. */
  alerts: Map<string, 'triggered' | 'resolved'>;
  events: Record<string, unknown>[];
}

const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

function problems(event: Record<string, unknown>, state: PagerDutyState): string[] {
  const errors: string[] = [];
  if (typeof event.routing_key !== 'string' || !state.routingKeys.has(event.routing_key)) {
    errors.push('Invalid routing key');
  }
  const action = event.event_action;
  if (action !== 'trigger' && action !== 'acknowledge' && action !== 'resolve') {
    errors.push("'event_action' is invalid");
  }
  if (action !== 'trigger' && typeof event.dedup_key !== 'string') errors.push("'dedup_key' is missing");
  if (action === 'trigger') {
    const payload = event.payload as Record<string, unknown> | undefined;
    if (typeof payload?.summary !== 'string' || payload.summary.length === 0)
      errors.push("'payload.summary' is missing");
    if (typeof payload?.summary === 'string' && payload.summary.length > 1024)
      errors.push("'payload.summary' is too long");
    if (typeof payload?.source !== 'string') errors.push("'payload.source' is missing");
    if (!SEVERITIES.has(String(payload?.severity))) errors.push("'payload.severity' is invalid");
  }
  return errors;
}

export function pagerdutyRoutes(state: PagerDutyState): Route[] {
  return [
    {
      method: 'POST',
      path: '/v2/enqueue',
      handler: (req: ContractRequest) => {
        const event = req.json as Record<string, unknown> | undefined;
        if (!event)
          return {
            status: 400,
            body: {
              status: 'invalid event',
              message: 'Event object is invalid',
              errors: ['Body is not JSON'],
            },
          };
        const errors = problems(event, state);
        if (errors.length > 0)
          return {
            status: 400,
            body: { status: 'invalid event', message: 'Event object is invalid', errors },
          };
        state.events.push(event);
        const dedupKey =
          typeof event.dedup_key === 'string' ? event.dedup_key : `generated-${state.events.length}`;
        if (event.event_action === 'trigger') state.alerts.set(dedupKey, 'triggered');
        if (event.event_action === 'resolve' && state.alerts.has(dedupKey))
          state.alerts.set(dedupKey, 'resolved');
        return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
      },
    },
  ];
}
