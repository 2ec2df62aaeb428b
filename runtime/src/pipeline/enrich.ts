// Step: enrich (pure). Joins the event with what the estate knows about its resource:
// environment, data classification (a PII tag), owner, tags; the effective settings;
// the final severity under the user's rules; earlier incidents.

import type {
  PreviousIncident,
  RemediationId,
  RemediationSettings,
  Severity,
  UnifiedEvent,
} from '@escher/shared';
import { effectiveSettings } from '../policy/settings.js';
import { finalSeverity } from '../policy/severity.js';
import type { LoadedState } from './load-state.js';

export interface Enrichment {
  environment?: 'production' | 'staging' | 'dev' | undefined;
  data_classification?: 'PII' | 'confidential' | 'public' | undefined;
  owner?: string | undefined;
  tags: Record<string, string>;
  in_estate: boolean;
  severity: Severity;
  severity_reason: string;
  previous_incidents: PreviousIncident[];
  settings: RemediationSettings;
}

const ENVIRONMENTS: Record<string, Enrichment['environment']> = {
  prod: 'production',
  production: 'production',
  staging: 'staging',
  stage: 'staging',
  dev: 'dev',
  development: 'dev',
};

function fromTags(tags: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  const env = ENVIRONMENTS[(lower.environment ?? lower.env ?? '').toLowerCase()];
  const cls = (
    lower.data_classification ??
    lower.dataclassification ??
    lower.classification ??
    ''
  ).toLowerCase();
  const data_classification =
    cls === 'pii' || lower.pii === 'true' ? 'PII' : cls === 'confidential' ? 'confidential' : undefined;
  return { environment: env, data_classification, owner: lower.owner } as const;
}

export function enrich(
  event: UnifiedEvent,
  loaded: LoadedState,
  deployed: readonly RemediationId[],
): Enrichment {
  const tags = { ...(loaded.estate?.tags ?? {}), ...event.resource.tags };
  const tagged = fromTags(tags);
  const environment = event.context.environment ?? loaded.estate?.environment ?? tagged.environment;
  const data_classification =
    event.context.data_classification ?? loaded.estate?.data_classification ?? tagged.data_classification;
  const settings = effectiveSettings(loaded.storedSettings, deployed);
  const { severity, reason } = finalSeverity(
    event,
    { environment, data_classification },
    settings.severity_rules,
  );
  return {
    environment,
    data_classification,
    owner: loaded.estate?.owner ?? tagged.owner,
    tags,
    in_estate: loaded.estate !== undefined,
    severity,
    severity_reason: reason,
    previous_incidents: loaded.previousIncidents,
    settings,
  };
}
