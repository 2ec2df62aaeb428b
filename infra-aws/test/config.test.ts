import { ConfigValidationError } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { AWS_REGIONS, loadConfigFile, toAwsDeploymentConfig } from '../src/config.js';
import { resolveConfigPath } from '../src/config-path.js';
import { BASE_CONFIG } from './support/synth.js';

const withJobCron = (cron: string, timezone = 'Europe/Berlin') => ({
  ...BASE_CONFIG,
  jobs: [{ ...BASE_CONFIG.jobs[0], schedule: { cron, timezone } }],
});

describe('toAwsDeploymentConfig', () => {
  it('accepts the base config and keeps its AWS section', () => {
    expect(toAwsDeploymentConfig(BASE_CONFIG).aws).toEqual({
      account: '123456789012',
      region: 'eu-central-1',
    });
  });

  it('knows the commercial, China and GovCloud regions', () => {
    expect(AWS_REGIONS).toEqual(
      expect.arrayContaining(['us-east-1', 'eu-central-1', 'cn-north-1', 'us-gov-west-1']),
    );
  });

  it('names aws.region when the region is unknown', () => {
    const bad = { ...BASE_CONFIG, aws: { account: '123456789012', region: 'eu-centrall-1' } };
    expect(() => toAwsDeploymentConfig(bad)).toThrow(ConfigValidationError);
    expect(() => toAwsDeploymentConfig(bad)).toThrow('aws.region: unknown AWS region "eu-centrall-1"');
  });

  it('names aws.account when the account id is malformed', () => {
    const bad = { ...BASE_CONFIG, aws: { account: '1234', region: 'eu-central-1' } };
    expect(() => toAwsDeploymentConfig(bad)).toThrow('aws.account: must be a 12-digit account id');
  });

  it('names the job cron field when the cron is malformed', () => {
    expect(() => toAwsDeploymentConfig(withJobCron('0 25 * * *'))).toThrow(
      /jobs\.0\.schedule\.cron: invalid cron/,
    );
  });

  it('names the job cron field when EventBridge Scheduler cannot express it', () => {
    expect(() => toAwsDeploymentConfig(withJobCron('0 9 1 * 1'))).toThrow(
      /jobs\.0\.schedule\.cron: "0 9 1 \* 1" restricts both day-of-month and day-of-week/,
    );
  });

  it('names the job time zone field when the zone is not IANA', () => {
    expect(() => toAwsDeploymentConfig(withJobCron('0 9 * * *', 'Mars/Olympus'))).toThrow(
      'jobs.0.schedule.timezone: must be an IANA time zone',
    );
  });

  it('names report.cron when the report schedule cannot be expressed', () => {
    const bad = { ...BASE_CONFIG, report: { cron: '0 2 1 * 1', timezone: 'UTC' } };
    expect(() => toAwsDeploymentConfig(bad)).toThrow(/report\.cron: .*restricts both/);
  });

  it('names the remediation that is not in the catalog', () => {
    const bad = { ...BASE_CONFIG, remediations: ['aws.s3.block_public_access', 'aws.s3.delete_bucket'] };
    expect(() => toAwsDeploymentConfig(bad)).toThrow(/remediations\.1: /);
  });

  it('refuses a config whose home cloud is not aws', () => {
    const bad = { ...BASE_CONFIG, home_cloud: 'gcp', gcp: { project: 'my-project', region: 'europe-west3' } };
    expect(() => toAwsDeploymentConfig(bad)).toThrow(
      /home_cloud: the AWS stack deploys only a config whose home_cloud is aws/,
    );
  });

  it('names image when it is not an ECR image', () => {
    const bad = { ...BASE_CONFIG, image: 'docker.io/escher/runner:1.0' };
    expect(() => toAwsDeploymentConfig(bad)).toThrow(
      /image: "docker.io\/escher\/runner:1.0" is not an ECR image URI/,
    );
  });
});

describe('loadConfigFile', () => {
  it('reads the example config shipped with the package', () => {
    const cfg = loadConfigFile(new URL('../escher.config.example.yaml', import.meta.url).pathname);
    expect(cfg.jobs.map((j) => j.name)).toEqual(['dev-nightly-stop', 'dev-morning-start']);
  });

  it('names the file it cannot read', () => {
    expect(() => loadConfigFile('/nonexistent/escher.config.yaml')).toThrow(
      /\(file\): cannot read \/nonexistent/,
    );
  });
});

describe('resolveConfigPath', () => {
  const query = (files: string[], allowExample: boolean, explicit?: string) => ({
    explicit,
    allowExample,
    searchDirs: ['/repo/infra-aws', '/repo'],
    exists: (p: string) => files.includes(p),
  });

  it('prefers an explicit path', () => {
    expect(resolveConfigPath(query([], false, '/x.yaml'))).toBe('/x.yaml');
  });

  it('finds escher.config.yaml at the repository root', () => {
    expect(resolveConfigPath(query(['/repo/escher.config.yaml'], false))).toBe('/repo/escher.config.yaml');
  });

  it('uses the example only when allowed', () => {
    const files = ['/repo/infra-aws/escher.config.example.yaml'];
    expect(resolveConfigPath(query(files, true))).toBe('/repo/infra-aws/escher.config.example.yaml');
    expect(() => resolveConfigPath(query(files, false))).toThrow(/no escher.config.yaml/);
  });
});
