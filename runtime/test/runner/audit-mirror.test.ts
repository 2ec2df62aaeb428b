import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionResult, AlertRecord } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { writeRecords } from '../../src/pipeline/record.js';
import { objectAuditMirror } from '../../src/runner/audit-mirror.js';
import { buildRunnerDeps } from '../../src/runner/deps.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { LocalObjectStore } from '../../src/storage/local-store.js';
import { testRig } from '../pipeline/support/deps.js';

const action: ActionResult = {
  operation_id: 'op-evt-1-s3',
  action: 'aws.s3.block_public_access',
  target: {
    cloud: 'aws',
    account: '123456789012',
    region: 'us-east-1',
    resource_type: 'object_storage',
    resource_id: 'arn:aws:s3:::pii',
  },
  outcome: 'succeeded',
  reason: 'bucket was public',
  plan: ['block public access'],
  changes: ['public access blocked'],
  verified: true,
  started_at: '2026-11-22T02:32:20.000Z',
  finished_at: '2026-11-22T02:32:30.000Z',
};

/** Only the parts of an alert that writeRecords reads. */
const alert = {
  id: 'evt-1',
  event: { event_type: 'storage_public_access_granted', timestamp: '2026-11-22T02:32:15.000Z', resource: {} },
  severity: 'CRITICAL',
  status: 'remediated',
  decision: [],
  actions: [action],
} as unknown as AlertRecord;

const files = (dir: string) => readdirSync(join(dir, 'audit'));
const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, 'audit', name), 'utf8'));

describe('the audit mirror', () => {
  it('writes each committed audit record to the audit store as well as the state', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'escher-audit-'));
    const rig = testRig(undefined);
    const deps = { ...rig.deps, auditMirror: objectAuditMirror(new LocalObjectStore(auditDir)) };
    expect(await writeRecords(deps, alert)).toEqual({ operations: 1, audits: 1 });
    const inState = await deps.state.getRecord('audit', 'audit:op-evt-1-s3');
    expect(files(auditDir)).toEqual(['audit%3Aop-evt-1-s3.json']);
    expect(read(auditDir, 'audit%3Aop-evt-1-s3.json')).toEqual(inState);
  });

  it('mirrors again after a crash between the two writes, and never overwrites the first copy', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'escher-audit-'));
    const mirror = objectAuditMirror(new LocalObjectStore(auditDir));
    const rig = testRig(undefined);
    // The state has the record (first run), the mirror does not (crash before it).
    await writeRecords(rig.deps, alert);
    await writeRecords({ ...rig.deps, auditMirror: mirror }, alert);
    expect(files(auditDir)).toEqual(['audit%3Aop-evt-1-s3.json']);
    await mirror.put('audit:op-evt-1-s3', { tampered: true });
    expect(read(auditDir, 'audit%3Aop-evt-1-s3.json')).toMatchObject({
      id: 'audit:op-evt-1-s3',
      outcome: 'succeeded',
    });
  });

  it('is wired from ESCHER_AUDIT_STORE and absent without it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'escher-audit-home-'));
    const redactor = new Redactor();
    const log = createLogger({ level: 'error', redactor });
    const build = (extra: Record<string, string>) =>
      buildRunnerDeps({
        env: loadRuntimeEnv({ ESCHER_HOME: home, ...extra }),
        config: undefined,
        log,
        redactor,
      });
    expect((await build({})).auditMirror).toBeUndefined();
    const auditDir = join(home, 'locked');
    const deps = await build({ ESCHER_AUDIT_STORE: `file://${auditDir}` });
    await deps.auditMirror?.put('audit:x', { id: 'audit:x' });
    expect(files(auditDir)).toEqual(['audit%3Ax.json']);
  });
});
