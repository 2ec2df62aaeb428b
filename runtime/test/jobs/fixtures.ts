// Estate records and JobSpecs for the job tests.

import {
  type EstateResource,
  EstateResourceSchema,
  type JobSpec,
  type JobSpecInput,
  JobSpecSchema,
} from '@escher/shared';

export function vm(
  cloud: EstateResource['cloud_provider'],
  id: string,
  tags: Record<string, string>,
  extra: Partial<EstateResource> = {},
): EstateResource {
  return EstateResourceSchema.parse({
    cloud_provider: cloud,
    resource_type: 'compute_instance',
    account_id:
      cloud === 'aws'
        ? '123456789012'
        : cloud === 'azure'
          ? '00000000-0000-0000-0000-000000000001'
          : 'demo-project',
    region: cloud === 'aws' ? 'us-east-1' : cloud === 'azure' ? 'westeurope' : 'us-central1',
    resource_id: id,
    state: 'running',
    tags,
    ...extra,
  });
}

export function stopDevJob(change: Partial<JobSpecInput> = {}): JobSpec {
  return JobSpecSchema.parse({
    name: 'dev-nightly-stop',
    schedule: { cron: '0 20 * * *', timezone: 'Europe/Berlin' },
    action: 'stop',
    selector: { resource_types: ['compute_instance'], tags: 'env=dev AND NOT escher:skip=true' },
    ...change,
  });
}
