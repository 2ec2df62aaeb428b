// Deployment configs used across the GCP stack tests.

import type { ExtensionConfigInput, JobSpecInput } from '@escher/shared';

export const STOP_DEV_VMS: JobSpecInput = {
  name: 'stop-dev-vms',
  schedule: { cron: '0 20 * * 1-5', timezone: 'Europe/Berlin' },
  action: 'stop',
  selector: { resource_types: ['compute_instance'], clouds: ['gcp'], tags: 'env=dev' },
};

export const VALID: ExtensionConfigInput = {
  name: 'escher',
  home_cloud: 'gcp',
  gcp: { project: 'acme-prod-42', region: 'europe-west1' },
  image: 'europe-docker.pkg.dev/acme-prod-42/escher/runner:1.4.0',
  ai_url: 'https://ai.escher.example/v1',
  retention: { audit_days: 400 },
  remediations: ['gcp.storage.remove_public_access', 'azure.compute.deallocate_vm'],
  notifications: { slack: true },
  jobs: [STOP_DEV_VMS],
  report: { cron: '0 2 * * *', timezone: 'Asia/Tokyo' },
};

/** The valid config with some top-level fields replaced. */
export function withOverrides(overrides: Partial<ExtensionConfigInput>): ExtensionConfigInput {
  return { ...VALID, ...overrides };
}
