// Every vendor fixture, normalised, must give exactly the expected event kind, account,
// region, resource and baseline severity — and a valid UnifiedEvent, with a stable id.

import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UnifiedEventSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/index.js';
import { expectations } from './expectations.js';

const root = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const fixtures = globSync('**/*.json', { cwd: root }).sort();
const now = () => new Date('2026-01-01T00:00:00Z');
const read = (file: string) => normalizeText(readFileSync(root + file, 'utf8'), { now });

describe('vendor fixtures', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(fixtures).toEqual(Object.keys(expectations).sort());
  });

  it.each(fixtures)('normalises %s exactly as expected', (file) => {
    const { events, errors } = read(file);
    expect(errors).toEqual([]);
    const rows = events.map((e) => [
      e.event_type,
      e.account_id,
      e.region,
      e.resource.type,
      e.resource.id,
      e.severity,
    ]);
    expect(rows).toEqual(expectations[file]);
  });

  it.each(fixtures)('produces schema-valid events with a stable id for %s', (file) => {
    const first = read(file).events;
    const second = read(file).events;
    for (const event of first) {
      expect(UnifiedEventSchema.safeParse(event).success).toBe(true);
      expect(event.resource.metadata.native_type).toEqual(expect.any(String));
      expect(event.resource.metadata.severity_reason).toEqual(expect.any(String));
      expect(event.raw_event).toBeDefined();
    }
    expect(second.map((e) => e.event_id)).toEqual(first.map((e) => e.event_id));
  });
});

describe('vendor ids', () => {
  it('namespaces the event id by provider and source', () => {
    const [event] = read('aws/cloudtrail/eventbridge-s3-put-public-access-block-weakened.json').events;
    expect(event?.event_id).toBe('aws:aws.cloudtrail:43258a7e-eef1-44ef-9aff-1e5b4cfd825d');
  });

  it('gives the same id to the same event delivered raw and through SNS, so it is deduplicated', () => {
    const ids = read('aws/cloudtrail/sqs-batch-raw-and-sns-wrapped.json').events.map((e) => e.event_id);
    expect(ids).toEqual([
      'aws:aws.cloudtrail:43258a7e-eef1-44ef-9aff-1e5b4cfd825d',
      'aws:aws.cloudtrail:43258a7e-eef1-44ef-9aff-1e5b4cfd825d',
    ]);
  });

  it('gives each Security Hub finding its own event and its own id', () => {
    const events = read('aws/securityhub/imported-three-findings.json').events;
    expect(new Set(events.map((e) => e.event_id)).size).toBe(3);
    expect(
      events.map((e) => (e.raw_event as { detail: { findings: unknown[] } }).detail.findings.length),
    ).toEqual([1, 1, 1]);
  });
});
