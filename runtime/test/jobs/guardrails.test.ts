import { describe, expect, it } from 'vitest';
import { GuardrailError } from '../../src/jobs/errors.js';
import { checkGuardrails } from '../../src/jobs/guardrails.js';
import { selectTargets } from '../../src/jobs/select-targets.js';
import { stopDevJob, vm } from './fixtures.js';

const estate = [
  vm('aws', 'i-1', { env: 'dev' }),
  vm('aws', 'i-2', { env: 'dev', 'escher:skip': 'true' }),
  vm('aws', 'i-3', { env: 'dev', environment: 'production' }),
  vm('azure', 'vm-1', { env: 'dev' }),
  vm('gcp', 'gce-1', { env: 'prod' }),
  vm('gcp', 'gce-2', { env: 'dev' }, { environment: 'production' }),
  vm('aws', 'db-1', { env: 'dev' }, { resource_type: 'database_instance' }),
];

describe('selectTargets', () => {
  it('selects by tags within the job scope and holds production back', () => {
    const s = selectTargets(stopDevJob(), estate);
    expect(s.targets.map((r) => r.resource_id)).toEqual(['i-1', 'vm-1']);
    expect(s.held.map((h) => [h.resource.resource_id, h.reason])).toEqual([
      ['i-3', 'environment=production and the job does not allow production'],
      ['gce-2', 'environment=production and the job does not allow production'],
    ]);
    expect(s.fleet).toHaveLength(6);
  });

  it('touches production only when the job allows it', () => {
    const job = stopDevJob({ guardrails: { allow_production: true } });
    expect(selectTargets(job, estate).targets.map((r) => r.resource_id)).toEqual([
      'i-1',
      'i-3',
      'vm-1',
      'gce-2',
    ]);
  });

  it('narrows by clouds, accounts and regions', () => {
    const job = stopDevJob({
      selector: {
        resource_types: ['compute_instance'],
        clouds: ['azure'],
        regions: ['westeurope'],
        tags: 'env=dev',
      },
    });
    expect(selectTargets(job, estate).targets.map((r) => r.resource_id)).toEqual(['vm-1']);
  });
});

describe('checkGuardrails', () => {
  it('aborts with the limit named when targets exceed max_targets', () => {
    const job = stopDevJob({ guardrails: { max_targets: 1 } });
    const run = () => checkGuardrails(job, selectTargets(job, estate));
    expect(run).toThrow(GuardrailError);
    expect(run).toThrow(
      'job "dev-nightly-stop" would stop 2 resources, more than guardrails.max_targets (1); nothing was touched',
    );
  });

  it('aborts when the job would touch too large a share of the fleet', () => {
    const job = stopDevJob({ guardrails: { max_fleet_fraction: 0.25 } });
    expect(() => checkGuardrails(job, selectTargets(job, estate))).toThrow(
      'job "dev-nightly-stop" would stop 2 of 6 resources in scope (33.3%), more than guardrails.max_fleet_fraction (0.25); nothing was touched',
    );
  });

  it('passes within the limits', () => {
    const job = stopDevJob({ guardrails: { max_targets: 2, max_fleet_fraction: 0.5 } });
    expect(() => checkGuardrails(job, selectTargets(job, estate))).not.toThrow();
  });
});
