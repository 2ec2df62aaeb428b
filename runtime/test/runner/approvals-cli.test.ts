import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApprovalRequest } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/storage/local-store.js';
import { runCli } from '../pipeline/support/spawn-cli.js';
import { homeState } from '../support/state.js';

const request: ApprovalRequest = {
  id: 'evt-9|aws.ec2.stop_instance|i-0abc',
  event_id: 'evt-9',
  action: 'aws.ec2.stop_instance',
  target: {
    cloud: 'aws',
    account: '123456789012',
    region: 'us-east-1',
    resource_type: 'compute_instance',
    resource_id: 'i-0abc',
  },
  reason: 'stop_idle_instances: not pre-approved; approval requested',
  requested_at: '2026-11-22T02:32:20.000Z',
  status: 'pending',
};

describe('escher approvals', () => {
  it('lists pending requests, approves one, and refuses to decide it twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escher-approvals-'));
    const store = `file://${dir}`;
    await homeState(dir, new LocalObjectStore(dir)).appendRecord(
      'alerts_events',
      `approval:${request.id}`,
      request,
    );
    const env = { ESCHER_HOME: dir };

    const listed = await runCli(['approvals', 'list', '--store', store], env);
    expect(listed.stdout).toBe(
      'evt-9|aws.ec2.stop_instance|i-0abc\n  pending: aws.ec2.stop_instance on i-0abc (123456789012) — stop_idle_instances: not pre-approved; approval requested\n',
    );

    const approved = await runCli(
      ['approvals', 'approve', request.id, '--store', store, '--by', 'maria'],
      env,
    );
    expect(approved.stdout).toBe(
      'approved evt-9|aws.ec2.stop_instance|i-0abc — the next run carries it out\n',
    );
    expect(
      await homeState(dir, new LocalObjectStore(dir)).getRecord('alerts_events', `approval:${request.id}`),
    ).toMatchObject({
      status: 'approved',
      decided_by: 'maria',
    });

    const again = await runCli(['approvals', 'reject', request.id, '--store', store], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'escher: approval request evt-9|aws.ec2.stop_instance|i-0abc is approved already (only pending requests can be decided)\n',
    );
  }, 300_000);
});
