import { DEFAULT_SEVERITY_RULES, type UnifiedEvent } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { finalSeverity } from '../../src/policy/severity.js';

const event = (over: Partial<UnifiedEvent> & { metadata?: Record<string, unknown> }): UnifiedEvent => ({
  event_id: 'e',
  event_type: 'storage_public_access_granted',
  severity: 'HIGH',
  cloud_provider: 'aws',
  account_id: '123456789012',
  region: 'us-east-1',
  resource: {
    type: 'object_storage',
    id: 'b',
    name: 'b',
    tags: {},
    metadata: { severity_reason: 'ACL grants access to any AWS account', ...over.metadata },
  },
  context: {},
  timestamp: '2026-11-22T02:32:15Z',
  raw_event: {},
  ...over,
});

describe('finalSeverity', () => {
  it('makes any public bucket CRITICAL', () => {
    expect(finalSeverity(event({}), {}, DEFAULT_SEVERITY_RULES)).toEqual({
      severity: 'CRITICAL',
      reason: 'rule "any public bucket is CRITICAL"',
    });
  });

  it('raises a production database above 85% full to HIGH, and leaves one at 80% alone', () => {
    const db = (pct: number) =>
      event({
        event_type: 'metric_alarm_firing',
        severity: 'MEDIUM',
        resource: {
          type: 'database_instance',
          id: 'db',
          name: 'db',
          tags: {},
          metadata: { severity_reason: 'alarm', storage_used_percent: pct },
        },
      });
    expect(finalSeverity(db(91), { environment: 'production' }, DEFAULT_SEVERITY_RULES)).toEqual({
      severity: 'HIGH',
      reason: 'rule "prod database > 85% full"',
    });
    expect(finalSeverity(db(80), { environment: 'production' }, DEFAULT_SEVERITY_RULES)).toEqual({
      severity: 'MEDIUM',
      reason: 'alarm',
    });
    expect(finalSeverity(db(91), { environment: 'dev' }, DEFAULT_SEVERITY_RULES).severity).toBe('MEDIUM');
  });

  it('keeps the baseline and its reason when no rule matches', () => {
    expect(finalSeverity(event({ event_type: 'resource_created' }), {}, [])).toEqual({
      severity: 'HIGH',
      reason: 'ACL grants access to any AWS account',
    });
  });
});
