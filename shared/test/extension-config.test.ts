import { describe, expect, it } from 'vitest';
import { ConfigValidationError, parseExtensionConfig } from '../src/index.js';

const minimal = {
  home_cloud: 'aws',
  aws: { account: '123456789012', region: 'eu-central-1' },
  remediations: ['aws.s3.block_public_access'],
  jobs: [
    {
      name: 'dev-nightly-stop',
      schedule: { cron: '0 20 * * *', timezone: 'Europe/Berlin' },
      action: 'stop',
      selector: { resource_types: ['compute_instance'], tags: 'env=dev' },
    },
  ],
};

describe('parseExtensionConfig', () => {
  it('fills defaults for retention, report schedule and guardrails', () => {
    const cfg = parseExtensionConfig(minimal);
    expect(cfg.name).toBe('escher');
    expect(cfg.retention).toEqual({ cost_days: 90, audit_days: 365, alerts_days: 365 });
    expect(cfg.report).toEqual({ cron: '0 2 * * *', timezone: 'UTC', exclude_dates: [] });
    expect(cfg.jobs[0]?.guardrails).toEqual({
      max_targets: 500,
      max_fleet_fraction: 1,
      allow_production: false,
    });
    expect(cfg.jobs[0]?.selector.clouds).toEqual(['aws', 'azure', 'gcp']);
  });

  it('names the field when a job has an unknown time zone', () => {
    const bad = structuredClone(minimal);
    (bad.jobs[0] as { schedule: { timezone: string } }).schedule.timezone = 'Mars/Olympus';
    expect(() => parseExtensionConfig(bad)).toThrow(/jobs\.0\.schedule\.timezone: must be an IANA time zone/);
  });

  it('refuses a remediation that is not in the catalog', () => {
    const bad = { ...minimal, remediations: ['aws.s3.delete_bucket'] };
    expect(() => parseExtensionConfig(bad)).toThrow(ConfigValidationError);
    expect(() => parseExtensionConfig(bad)).toThrow(/remediations\.0/);
  });

  it('refuses a config whose home cloud has no section', () => {
    expect(() => parseExtensionConfig({ home_cloud: 'gcp' })).toThrow(
      /gcp: home_cloud is gcp but no gcp section/,
    );
  });

  it('refuses a bad cron expression', () => {
    const bad = structuredClone(minimal);
    (bad.jobs[0] as { schedule: { cron: string } }).schedule.cron = '0 20 * *';
    expect(() => parseExtensionConfig(bad)).toThrow(/jobs\.0\.schedule\.cron: .*5[- ]fields?/);
  });
});
