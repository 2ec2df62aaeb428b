// Builds the AI request from an allow-list of fields, then passes it through the Redactor.
// Nothing else of the event reaches the server: no raw event, no metadata beyond the
// native type, no encrypted payload fields, no credentials, no resource contents.

import type { AnalysisRequest, PreviousIncident, RemediationId, UnifiedEvent } from '@escher/shared';
import { AnalysisRequestSchema } from '@escher/shared';
import type { Redactor } from '../secrets/redactor.js';

export interface RequestFacts {
  environment?: 'production' | 'staging' | 'dev' | undefined;
  data_classification?: 'PII' | 'confidential' | 'public' | undefined;
  owner?: string | undefined;
  tags: Record<string, string>;
  previous_incidents: PreviousIncident[];
}

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 256;
/** Tag keys that commonly hold secrets or contents; their values never leave the runner. */
const SECRET_TAG_KEY = /secret|password|passwd|token|credential|api[-_]?key|private/i;

function allowedTags(tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags).slice(0, MAX_TAGS)) {
    out[key.slice(0, MAX_TAG_LENGTH)] = SECRET_TAG_KEY.test(key)
      ? '[withheld]'
      : value.slice(0, MAX_TAG_LENGTH);
  }
  return out;
}

export function buildAnalysisRequest(
  event: UnifiedEvent,
  facts: RequestFacts,
  candidates: { actions: RemediationId[]; targets: string[] },
  redactor: Redactor,
): AnalysisRequest {
  const nativeType = event.resource.metadata.native_type;
  const request: AnalysisRequest = {
    request_id: event.event_id,
    event: {
      event_id: event.event_id,
      event_type: event.event_type,
      severity: event.severity,
      cloud_provider: event.cloud_provider,
      account_id: event.account_id,
      region: event.region,
      timestamp: event.timestamp,
      resource: {
        type: event.resource.type,
        id: event.resource.id,
        name: event.resource.name,
        ...(typeof nativeType === 'string' ? { native_type: nativeType } : {}),
        tags: allowedTags(facts.tags),
      },
    },
    context: {
      ...(facts.environment ? { environment: facts.environment } : {}),
      ...(facts.data_classification ? { data_classification: facts.data_classification } : {}),
      ...(facts.owner ? { owner: facts.owner } : {}),
      previous_incidents: facts.previous_incidents.slice(0, 20),
    },
    candidate_actions: [...new Set(candidates.actions)],
    candidate_targets: [...new Set(candidates.targets)],
  };
  return AnalysisRequestSchema.parse(redactor.redactDeep(request));
}
