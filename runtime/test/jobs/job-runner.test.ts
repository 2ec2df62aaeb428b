import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EstateResourceSchema, ExecutedOperationSchema, parseExtensionConfig } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { JobSpecError } from '../../src/jobs/errors.js';
import { runJobByName } from '../../src/jobs/job-runner.js';
import { createLogger } from '../../src/log.js';
import type { RunnerState } from '../../src/pipeline/state.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { homeState } from '../support/state.js';
import { FakeFleet } from './fake-fleet.js';
import { vm } from './fixtures.js';

let dir: string;
let state: RunnerState;
const env = loadRuntimeEnv({});
const log = createLogger({ level: 'error', redactor: new Redactor() });
const config = parseExtensionConfig({
  home_cloud: 'aws',
  aws: { account: '123456789012', region: 'us-east-1' },
  jobs: [
    {
      name: 'dev-nightly-stop',
      schedule: { cron: '0 20 * * *', timezone: 'Europe/Berlin' },
      action: 'stop',
      selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'env=dev' },
    },
  ],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'escher-job-runner-'));
  state = homeState(dir);
  for (const r of [vm('aws', 'i-1', { env: 'dev' }), vm('aws', 'i-2', { env: 'prod' })]) {
    await state.putRecord('cloud_estate', `aws-${r.resource_id}`, r);
  }
  await state.putRecord('cloud_estate', 'broken', { cloud_provider: 'mars' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runJobByName', () => {
  it('runs a config job over the estate in the state and appends its records there', async () => {
    const fleet = new FakeFleet(100);
    fleet.add('i-1', 'running');
    const at = new Date('2026-11-20T19:00:00Z');
    const result = await runJobByName('dev-nightly-stop', at, {
      env,
      state,
      log,
      config,
      fleets: () => fleet,
    });
    expect(fleet.calls).toEqual([['i-1']]);
    const id = 'job:dev-nightly-stop@2026-11-20T19:00:00.000Z:aws-123456789012-us-east-1-i-1';
    expect(result.operations.map((o) => o.id)).toEqual([id]);
    const stored = ExecutedOperationSchema.parse(await state.getRecord('executed_operations', id));
    expect([stored.outcome, stored.verified]).toEqual(['succeeded', true]);
    expect(await state.getRecord('audit', `audit:${id}`)).toMatchObject({
      subject: { collection: 'executed_operations', id },
    });
    // The same scheduled run again (a retried trigger) finds its records and acts on nothing.
    const again = await runJobByName('dev-nightly-stop', at, {
      env,
      state,
      log,
      config,
      fleets: () => fleet,
    });
    expect(again.operations).toEqual([]);
    expect(fleet.calls).toHaveLength(1);
    EstateResourceSchema.parse(await state.getRecord('cloud_estate', 'aws-i-1'));
  });

  it('refuses an unknown job name and lists the known ones', async () => {
    await expect(
      runJobByName('nope', new Date(), { env, state, log, config, fleets: () => new FakeFleet(1) }),
    ).rejects.toThrow(JobSpecError);
    await expect(
      runJobByName('nope', new Date(), { env, state, log, config, fleets: () => new FakeFleet(1) }),
    ).rejects.toThrow('no job named "nope"');
  });
});
