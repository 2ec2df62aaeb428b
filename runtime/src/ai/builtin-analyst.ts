// The built-in deterministic analyst: same contract as the Escher AI server, answering
// from fixed text per event type. It recommends exactly the first policy candidate, so
// with no server (or a failing one) the runner still fixes what the user pre-approved.

import type { AnalysisRequest, AnalysisResponse, EventType } from '@escher/shared';

interface Explanation {
  root_cause: string;
  impact: string;
  playbook: string[];
}

const EXPLANATIONS: Partial<Record<EventType, Explanation>> = {
  storage_public_access_granted: {
    root_cause: 'A bucket policy, ACL or IAM binding now grants access to everyone.',
    impact: 'Anyone on the internet can read (or write) the objects in the bucket.',
    playbook: [
      'Block public access on the bucket',
      'Remove public ACL grants and public policy statements',
      'Verify the bucket is no longer public',
      'Review access logs for reads during the exposure window',
    ],
  },
  storage_public_access_unblocked: {
    root_cause: 'The guard that prevents public access was removed from the bucket.',
    impact: 'A later grant would make the bucket readable by anyone.',
    playbook: ['Re-enable public access blocking', 'Verify the guard is on'],
  },
  network_exposure_opened: {
    root_cause: 'A firewall rule now admits traffic from the whole internet.',
    impact: 'Admin ports reachable from anywhere invite brute-force and exploit attempts.',
    playbook: [
      'Revoke the rule or narrow it to known networks',
      'Verify the port is closed to 0.0.0.0/0 and ::/0',
      'Check login logs for the exposure window',
    ],
  },
  metric_alarm_firing: {
    root_cause: 'A monitored metric crossed its alarm threshold.',
    impact: 'Capacity, cost or availability is affected while the condition lasts.',
    playbook: ['Apply the pre-approved fix', 'Verify the metric recovers'],
  },
  resource_created: {
    root_cause: 'A resource was created with a setting that policy flags.',
    impact: 'The resource does not meet the account baseline.',
    playbook: ['Apply the baseline setting', 'Verify it is in effect'],
  },
};

const GENERIC: Explanation = {
  root_cause: 'A cloud event matched a monitored condition.',
  impact: 'See the event details for the affected resource.',
  playbook: ['Review the event', 'Decide whether an action is needed'],
};

export function builtinAnalysis(request: AnalysisRequest): AnalysisResponse {
  const explanation = EXPLANATIONS[request.event.event_type] ?? GENERIC;
  const action = request.candidate_actions[0] ?? null;
  const sensitive =
    request.context.data_classification === 'PII' || request.context.environment === 'production';
  return {
    request_id: request.request_id,
    severity: request.event.severity,
    root_cause: explanation.root_cause,
    impact: sensitive ? `${explanation.impact} The resource is ${describe(request)}.` : explanation.impact,
    recommended_action: action,
    targets: action ? [...request.candidate_targets] : [],
    playbook: explanation.playbook,
    risk: action ? 'low' : 'medium',
    suggested_questions: [],
  };
}

function describe(request: AnalysisRequest): string {
  const parts = [
    request.context.environment,
    request.context.data_classification && `holds ${request.context.data_classification}`,
  ];
  return parts.filter(Boolean).join(' and ');
}
