// The Escher AI server's contract (bearer token; POST /v1/analyses: AnalysisRequest in,
// AnalysisResponse out; POST /v1/report-summaries: ReportSummaryRequest in,
// ReportSummaryResponse out), with scripted misbehaviours for the safety tests: an action
// outside the catalog, an action policy did not offer, a wider target set (for summaries:
// a finding the report does not have), malformed JSON, a 30 s stall and HTTP 500. Every
// request body is kept for privacy assertions.

import type {
  AnalysisRequest,
  AnalysisResponse,
  ReportSummaryRequest,
  ReportSummaryResponse,
} from '@escher/shared';
import { type ContractResponse, type ContractServer, type Handler, startContractServer } from './server.js';

export type AiBehaviour =
  | 'good'
  | 'decline'
  | 'outside_catalog'
  | 'unapproved_action'
  | 'wider_targets'
  | 'malformed_json'
  | 'stall_30s'
  | 'http_500';

export interface AiServer extends ContractServer {
  /** Changes how the next requests are answered. */
  behave(behaviour: AiBehaviour): void;
}

function goodAnswer(req: AnalysisRequest): AnalysisResponse {
  const action = req.candidate_actions[0] ?? null;
  return {
    request_id: req.request_id,
    severity: 'CRITICAL',
    root_cause: 'A public-read ACL was applied to the bucket.',
    impact: 'Objects in the bucket are readable by anyone.',
    recommended_action: action,
    targets: action ? req.candidate_targets : [],
    playbook: ['Block public access', 'Verify'],
    risk: 'low',
    suggested_questions: ['Who changed the ACL?'],
  };
}

const BACKEND_DOWN: ContractResponse = {
  status: 500,
  body: { error: { code: 'InternalError', message: 'model backend unavailable' } },
};

function answer(behaviour: AiBehaviour, req: AnalysisRequest): ContractResponse {
  const good = goodAnswer(req);
  switch (behaviour) {
    case 'good':
      return { status: 200, body: good };
    case 'decline':
      return { status: 200, body: { ...good, recommended_action: null, targets: [] } };
    case 'outside_catalog':
      return { status: 200, body: { ...good, recommended_action: 'aws.iam.delete_all_users' } };
    case 'unapproved_action':
      return { status: 200, body: { ...good, recommended_action: 'aws.ec2.stop_instance' } };
    case 'wider_targets':
      return {
        status: 200,
        body: { ...good, targets: [...good.targets, 'arn:aws:s3:::every-other-bucket'] },
      };
    case 'malformed_json':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"severity": "CRITICAL", "root_cause": ',
      };
    case 'stall_30s':
      return { status: 200, body: good, delayMs: 30_000 };
    case 'http_500':
      return BACKEND_DOWN;
  }
}

function goodSummary(req: ReportSummaryRequest): ReportSummaryResponse {
  const critical = req.totals.by_severity.CRITICAL ?? 0;
  return {
    request_id: req.request_id,
    headline: `AI: ${req.findings.length} findings, ${critical} critical, spend ${req.cost ? req.cost.delta : 'unknown'} vs previous day`,
    bullets: ['AI: fix the critical findings first'],
    // Reversed, so a test can tell the server's order from the built-in one.
    priorities: req.findings.map((f) => f.id).reverse(),
    questions: ['AI: what changed since yesterday?'],
  };
}

function summaryAnswer(behaviour: AiBehaviour, req: ReportSummaryRequest): ContractResponse {
  const good = goodSummary(req);
  switch (behaviour) {
    case 'good':
    case 'decline':
      return { status: 200, body: good };
    case 'outside_catalog':
    case 'unapproved_action':
    case 'wider_targets':
      return {
        status: 200,
        body: { ...good, priorities: [...good.priorities, 'public_bucket:aws:0:invented'] },
      };
    case 'malformed_json':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"headline": "AI: ' };
    case 'stall_30s':
      return { status: 200, body: good, delayMs: 30_000 };
    case 'http_500':
      return BACKEND_DOWN;
  }
}

export async function startAiServer(token: string, initial: AiBehaviour = 'good'): Promise<AiServer> {
  let behaviour = initial;
  // Both endpoints refuse a wrong bearer token before looking at the body.
  const authorised =
    (respond: (json: unknown) => ContractResponse): Handler =>
    (req) =>
      req.headers.authorization === `Bearer ${token}`
        ? respond(req.json)
        : { status: 401, body: { error: { code: 'Unauthorized', message: 'bad token' } } };
  const server = await startContractServer({
    routes: [
      {
        method: 'POST',
        path: '/v1/analyses',
        handler: authorised((json) => answer(behaviour, json as AnalysisRequest)),
      },
      {
        method: 'POST',
        path: '/v1/report-summaries',
        handler: authorised((json) => summaryAnswer(behaviour, json as ReportSummaryRequest)),
      },
    ],
  });
  return Object.assign(server, {
    behave(b: AiBehaviour) {
      behaviour = b;
    },
  });
}
