// Deployment configs used across the Azure stack tests.

import type { ExtensionConfigInput, JobSpecInput } from '@escher/shared';

export const SUBSCRIPTION = '8c56d827-5f07-45ce-8f2b-6c5001db5c6f';

export const STOP_DEV_VMS: JobSpecInput = {
  name: 'stop-dev-vms',
  schedule: { cron: '0 20 * * 1-5', timezone: 'Europe/Berlin' },
  action: 'deallocate',
  selector: { resource_types: ['compute_instance'], clouds: ['azure'], tags: 'env=dev' },
};

export const VALID: ExtensionConfigInput = {
  name: 'escher',
  home_cloud: 'azure',
  azure: { subscription_id: SUBSCRIPTION, location: 'westeurope', resource_group: 'escher-prod' },
  image: 'ghcr.io/acme/escher-runner:1.4.0',
  ai_url: 'https://ai.escher.example/v1',
  retention: { audit_days: 400 },
  remediations: ['azure.compute.deallocate_vm', 'aws.ec2.stop_instance'],
  jobs: [STOP_DEV_VMS],
  report: { cron: '0 2 * * *', timezone: 'America/New_York' },
};

/** The valid config with some top-level fields replaced. */
export function withOverrides(overrides: Partial<ExtensionConfigInput>): ExtensionConfigInput {
  return { ...VALID, ...overrides };
}
