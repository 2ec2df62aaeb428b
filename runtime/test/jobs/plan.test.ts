import { estateRecordId } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { planStep } from '../../src/jobs/plan.js';
import { stopDevJob, vm } from './fixtures.js';

const ctx = { recordId: estateRecordId };
const db = vm('aws', 'orders-dev', { env: 'dev' }, { resource_type: 'database_instance' });
const dbJob = stopDevJob({
  selector: { resource_types: ['database_instance'], clouds: ['aws'], tags: 'env=dev' },
});

describe('planStep', () => {
  it('skips what is already in the wanted state without a call', () => {
    const r = vm('aws', 'i-1', { env: 'dev' });
    expect(planStep(stopDevJob(), r, { id: 'i-1', state: 'stopping', tags: { env: 'dev' } }, ctx)).toEqual({
      kind: 'skip',
      resource: r,
      live: { id: 'i-1', state: 'stopping', tags: { env: 'dev' } },
      reason: 'already stopping',
    });
  });

  it('skips what no longer exists', () => {
    const r = vm('aws', 'i-1', { env: 'dev' });
    expect(planStep(stopDevJob(), r, { id: 'i-1', state: 'missing', tags: {} }, ctx)).toEqual({
      kind: 'skip',
      resource: r,
      reason: 'no longer exists',
    });
  });

  it('stops an RDS instance AWS restarted after 7 days again, and says so', () => {
    const live = { id: 'orders-dev', state: 'running' as const, tags: { env: 'dev' } };
    const step = planStep(dbJob, db, live, { ...ctx, stoppedEarlier: new Set([estateRecordId(db)]) });
    expect(step).toEqual({
      kind: 'act',
      resource: db,
      live,
      note: 'AWS restarted it after 7 days stopped; stopping it again',
    });
  });

  it('stops a running RDS instance it never stopped without the note', () => {
    const live = { id: 'orders-dev', state: 'running' as const, tags: { env: 'dev' } };
    expect(planStep(dbJob, db, live, { ...ctx, stoppedEarlier: new Set() })).toEqual({
      kind: 'act',
      resource: db,
      live,
    });
  });
});
