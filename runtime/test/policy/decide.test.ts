import {
  type AnalysisResponse,
  type ApprovalRequest,
  type RemediationSettingsInput,
  RemediationSettingsSchema,
} from '@escher/shared';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/policy/candidates.js';
import { approvalId, type DecideInput, decide } from '../../src/policy/decide.js';

const candidate: Candidate = {
  action: 'aws.s3.block_public_access',
  target: {
    cloud: 'aws',
    account: '123456789012',
    region: 'us-east-1',
    resource_type: 'object_storage',
    resource_id: 'arn:aws:s3:::pii',
  },
  params: {},
};

const analysis: AnalysisResponse = {
  request_id: 'e1',
  severity: 'CRITICAL',
  root_cause: 'x',
  impact: 'y',
  recommended_action: 'aws.s3.block_public_access',
  targets: ['arn:aws:s3:::pii'],
  playbook: [],
  risk: 'low',
  suggested_questions: [],
};

function input(settings: RemediationSettingsInput, more: Partial<DecideInput> = {}): DecideInput {
  return {
    candidates: [candidate],
    settings: RemediationSettingsSchema.parse(settings),
    deployed: ['aws.s3.block_public_access'],
    analysis,
    approvals: new Map(),
    facts: { account: '123456789012', environment: 'production', tags: {} },
    dryRun: false,
    ...more,
  };
}

const on = { pre_approvals: { make_public_buckets_private: { enabled: true } } };
const only = (d: ReturnType<typeof decide>) => d.map((x) => [x.disposition, x.reason]);

describe('decide', () => {
  it('executes a pre-approved action in scope', () => {
    expect(only(decide('e1', input(on)))).toEqual([
      ['execute', 'pre-approved (make_public_buckets_private)'],
    ]);
  });

  it('asks for approval when the setting is off (every setting is off until enabled)', () => {
    expect(only(decide('e1', input({})))).toEqual([
      ['pending_approval', 'make_public_buckets_private: not pre-approved; approval requested'],
    ]);
  });

  it('asks for approval outside the pre-approved environments and accounts', () => {
    const envScoped = {
      pre_approvals: { make_public_buckets_private: { enabled: true, environments: ['dev' as const] } },
    };
    expect(only(decide('e1', input(envScoped)))).toEqual([
      [
        'pending_approval',
        'make_public_buckets_private: pre-approval covers dev only, resource is in production; approval requested',
      ],
    ]);
    const acctScoped = {
      pre_approvals: { make_public_buckets_private: { enabled: true, accounts: ['111111111111'] } },
    };
    expect(only(decide('e1', input(acctScoped)))).toEqual([
      [
        'pending_approval',
        'make_public_buckets_private: pre-approval does not cover account 123456789012; approval requested',
      ],
    ]);
  });

  it('never touches a resource with an exclusion tag, even when approved', () => {
    const excluded = {
      pre_approvals: { make_public_buckets_private: { enabled: true, exclude_tags: { 'escher:skip': '*' } } },
    };
    const facts = { account: '123456789012', environment: 'production', tags: { 'escher:skip': 'yes' } };
    expect(only(decide('e1', input(excluded, { facts })))).toEqual([
      ['declined', 'excluded by tag escher:skip=yes'],
    ]);
  });

  it('declines catalog entries this deployment did not enable', () => {
    expect(only(decide('e1', input(on, { deployed: [] })))).toEqual([
      ['declined', 'aws.s3.block_public_access is not enabled in this deployment'],
    ]);
  });

  it('lets the analyst narrow (decline, or leave the target out) but never widen', () => {
    expect(
      only(decide('e1', input(on, { analysis: { ...analysis, recommended_action: null, targets: [] } }))),
    ).toEqual([['declined', 'the analyst recommended no action']]);
    expect(only(decide('e1', input(on, { analysis: { ...analysis, targets: [] } })))).toEqual([
      ['declined', 'the analyst left arn:aws:s3:::pii out of its targets'],
    ]);
    const wider = {
      ...analysis,
      recommended_action: 'aws.ec2.stop_instance' as const,
      targets: ['i-1', 'arn:aws:s3:::pii'],
    };
    expect(decide('e1', input(on, { analysis: wider })).map((d) => d.action)).toEqual([
      'aws.s3.block_public_access',
    ]);
    expect(only(decide('e1', input(on, { analysis: wider })))).toEqual([
      ['declined', 'the analyst recommended aws.ec2.stop_instance'],
    ]);
  });

  it('notifies only in notify-only mode and plans only in dry-run mode', () => {
    expect(only(decide('e1', input({ ...on, mode: 'notify_only' })))).toEqual([
      ['notify_only', 'remediation mode is notify-only'],
    ]);
    expect(only(decide('e1', input({ ...on, mode: 'dry_run' })))).toEqual([
      ['dry_run', 'pre-approved (make_public_buckets_private); dry run, nothing changed'],
    ]);
    expect(only(decide('e1', input(on, { dryRun: true })))[0]?.[0]).toBe('dry_run');
  });

  it('executes an approved request and declines a rejected one', () => {
    const request: ApprovalRequest = {
      id: approvalId('e1', candidate),
      event_id: 'e1',
      action: candidate.action,
      target: candidate.target,
      reason: 'r',
      requested_at: '2026-11-22T02:32:20Z',
      status: 'approved',
      decided_by: 'maria',
    };
    expect(only(decide('e1', input({}, { approvals: new Map([[request.id, request]]) })))).toEqual([
      ['execute', 'approved by maria'],
    ]);
    const rejected = { ...request, status: 'rejected' as const };
    expect(only(decide('e1', input(on, { approvals: new Map([[request.id, rejected]]) })))).toEqual([
      ['declined', 'rejected by maria'],
    ]);
  });
});
