// The UnifiedEvent contract: what parses, what must not, and the JSON Schema outsiders
// validate against (shared/schemas/unified-event.schema.json, kept equal to the zod schema).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  EventTypeSchema,
  RESOURCE_TYPES,
  UnifiedEventSchema,
  unifiedEventJsonSchema,
} from '../../src/index.js';

const valid = {
  event_id: 'aws:aws.cloudtrail:43258a7e-eef1-44ef-9aff-1e5b4cfd825d',
  event_type: 'storage_public_access_unblocked',
  severity: 'HIGH',
  cloud_provider: 'aws',
  account_id: '111111111111',
  region: 'us-west-2',
  resource: {
    type: 'object_storage',
    id: 'arn:aws:s3:::austin-panther',
    name: 'austin-panther',
    tags: {},
    metadata: { native_type: 'AWS::S3::Bucket', severity_reason: 'public access block weakened' },
  },
  context: {},
  timestamp: '2019-08-01T04:41:47.000Z',
  raw_event: { detail: {} },
};

describe('UnifiedEventSchema', () => {
  it('accepts an event with exactly the seed fields', () => {
    expect(UnifiedEventSchema.parse(valid)).toEqual(valid);
  });

  it('accepts the optional context the seed names', () => {
    const withContext = {
      ...valid,
      context: {
        environment: 'production',
        data_classification: 'PII',
        cost_impact: 12.5,
        affected_users: 3,
      },
    };
    expect(UnifiedEventSchema.safeParse(withContext).success).toBe(true);
  });

  it.each([
    ['an event_type outside the vocabulary', { ...valid, event_type: 's3_bucket_public' }, 'event_type'],
    ['a LOW severity (the seed has none)', { ...valid, severity: 'LOW' }, 'severity'],
    ['an unknown cloud', { ...valid, cloud_provider: 'oci' }, 'cloud_provider'],
    ['an empty account id', { ...valid, account_id: '' }, 'account_id'],
    [
      'a timestamp that is not ISO-8601',
      { ...valid, timestamp: 'Thu, 1 Nov 2018 22:00:00 GMT' },
      'timestamp',
    ],
    [
      'a resource type outside the vocabulary',
      { ...valid, resource: { ...valid.resource, type: 's3_bucket' } },
      'resource.type',
    ],
    [
      'a non-string tag',
      { ...valid, resource: { ...valid.resource, tags: { env: 1 } } },
      'resource.tags.env',
    ],
  ])('rejects %s', (_what, input, field) => {
    const result = UnifiedEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });
});

describe('vocabularies', () => {
  it('documents every event type and pairs the directional ones', () => {
    for (const [type, meaning] of Object.entries(EVENT_TYPES))
      expect(meaning.length, type).toBeGreaterThan(20);
    for (const [open, close] of [
      ['storage_public_access_granted', 'storage_public_access_revoked'],
      ['network_exposure_opened', 'network_exposure_closed'],
      ['metric_alarm_firing', 'metric_alarm_resolved'],
      ['iam_access_granted', 'iam_access_revoked'],
      ['security_finding', 'security_finding_resolved'],
      ['config_noncompliant', 'config_compliant'],
    ]) {
      expect([EventTypeSchema.safeParse(open).success, EventTypeSchema.safeParse(close).success]).toEqual([
        true,
        true,
      ]);
    }
  });

  it('extends the architecture table of resource types', () => {
    expect(Object.keys(RESOURCE_TYPES)).toEqual(
      expect.arrayContaining(['compute_instance', 'database_instance', 'object_storage', 'security_group']),
    );
  });
});

describe('JSON Schema export', () => {
  const file = fileURLToPath(new URL('../../schemas/unified-event.schema.json', import.meta.url));
  const generated = `${JSON.stringify(unifiedEventJsonSchema(), null, 2)}\n`;

  it('matches shared/schemas/unified-event.schema.json (ESCHER_UPDATE_SCHEMAS=1 rewrites it)', () => {
    if (!existsSync(file) || process.env.ESCHER_UPDATE_SCHEMAS === '1') writeFileSync(file, generated);
    // Compared as JSON, not text: the committed file is laid out by the formatter.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(generated));
  });

  it('lists the closed vocabularies for outsiders', () => {
    const schema = unifiedEventJsonSchema() as { properties: Record<string, { enum?: string[] }> };
    expect(schema.properties.event_type?.enum).toEqual(Object.keys(EVENT_TYPES));
    expect(schema.properties.severity?.enum).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'INFO']);
  });
});
