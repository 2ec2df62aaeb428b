// Builds the app from a config the way bin/app.ts does, with a stand-in build context so
// tests need neither Docker nor the real container/Dockerfile.

import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../src/app.js';
import { toAwsDeploymentConfig } from '../../src/config.js';
import type { ImageSource } from '../../src/constructs/runner-image.js';

export const FIXTURE_IMAGE = {
  directory: fileURLToPath(new URL('../fixtures/runner-image', import.meta.url)),
  file: 'Dockerfile',
};

export const BASE_CONFIG = {
  name: 'escher',
  home_cloud: 'aws',
  aws: { account: '123456789012', region: 'eu-central-1' },
  retention: { cost_days: 90, audit_days: 400, alerts_days: 365 },
  remediations: ['aws.s3.block_public_access', 'aws.ec2.stop_instance', 'gcp.compute.stop_instance'],
  jobs: [
    {
      name: 'dev-nightly-stop',
      schedule: { cron: '0 20 * * 1-5', timezone: 'Europe/Berlin' },
      action: 'stop',
      selector: {
        resource_types: ['compute_instance'],
        clouds: ['aws'],
        tags: 'env=dev AND NOT escher:skip=true',
      },
    },
  ],
  report: { cron: '0 2 * * *', timezone: 'America/New_York' },
  notifications: { emails: ['ops@example.com'], sms: ['+14155550100'] },
};

export function synthesize(raw: unknown = BASE_CONFIG, imageSource: ImageSource = FIXTURE_IMAGE) {
  const config = toAwsDeploymentConfig(raw);
  const built = buildApp({ config, imageSource });
  // One synthesis for both stacks (Template.fromStack would synthesize the app per call);
  // it also runs the cdk-nag validation plugin, which throws on any unacknowledged finding.
  const assembly = built.app.synth();
  const template = (stackName: string) => Template.fromJSON(assembly.getStackByName(stackName).template);
  return {
    ...built,
    config,
    assembly,
    runner: template(built.runner.stackName),
    member: template(built.member.stackName),
  };
}
