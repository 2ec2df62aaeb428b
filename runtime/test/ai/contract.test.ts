import {
  AnalysisRequestSchema,
  AnalysisResponseSchema,
  analysisRequestJsonSchema,
  analysisResponseJsonSchema,
} from '@escher/shared';
import { describe, expect, it } from 'vitest';

const response = {
  request_id: 'r-1',
  severity: 'CRITICAL',
  root_cause: 'A public-read ACL was applied.',
  impact: 'Anyone can read the objects.',
  recommended_action: 'aws.s3.block_public_access',
  targets: ['arn:aws:s3:::acme'],
  playbook: ['Block public access'],
  risk: 'low',
};

describe('the AI contract', () => {
  it('parses a valid analysis and fills suggested_questions', () => {
    expect(AnalysisResponseSchema.parse(response).suggested_questions).toEqual([]);
  });

  it('refuses an unknown action, an unknown field and a missing field', () => {
    expect(
      AnalysisResponseSchema.safeParse({ ...response, recommended_action: 'aws.iam.delete_user' }).success,
    ).toBe(false);
    expect(AnalysisResponseSchema.safeParse({ ...response, shell: 'rm -rf /' }).success).toBe(false);
    const { impact: _impact, ...missing } = response;
    expect(AnalysisResponseSchema.safeParse(missing).success).toBe(false);
  });

  it('refuses a request carrying fields outside the allow-list, such as the raw event', () => {
    const request = {
      request_id: 'r-1',
      event: {
        event_id: 'e',
        event_type: 'storage_public_access_granted',
        severity: 'CRITICAL',
        cloud_provider: 'aws',
        account_id: '123456789012',
        region: 'us-east-1',
        timestamp: '2026-11-22T02:32:15Z',
        resource: { type: 'object_storage', id: 'b', name: 'b', tags: {} },
      },
      context: { previous_incidents: [] },
      candidate_actions: [],
      candidate_targets: [],
    };
    expect(AnalysisRequestSchema.safeParse(request).success).toBe(true);
    expect(AnalysisRequestSchema.safeParse({ ...request, raw_event: {} }).success).toBe(false);
  });

  it('exports JSON Schemas that name every catalog action and forbid extra fields', () => {
    const res = analysisResponseJsonSchema() as {
      properties: Record<string, { anyOf?: { enum?: string[] }[] }>;
      additionalProperties: boolean;
    };
    expect(res.additionalProperties).toBe(false);
    expect(res.properties.recommended_action?.anyOf?.[0]?.enum).toContain('gcp.compute.stop_instance');
    expect((analysisRequestJsonSchema() as { required: string[] }).required).toEqual([
      'request_id',
      'event',
      'context',
      'candidate_actions',
      'candidate_targets',
    ]);
  });
});
