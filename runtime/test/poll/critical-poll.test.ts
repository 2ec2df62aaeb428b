import {
  CreateBucketCommand,
  GetBucketAclCommand,
  PutBucketAclCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { parseExtensionConfig } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Daemon } from '../../src/jobs/daemon.js';
import type { CriticalFinding } from '../../src/poll/critical-findings.js';
import { criticalPollHook } from '../../src/poll/daemon-poll.js';
import { findingEvent } from '../../src/poll/finding-event.js';
import { type OpenFinding, reconcile } from '../../src/poll/open-findings.js';
import { testRig } from '../pipeline/support/deps.js';
import { ACCOUNT, type Moto, motoEnv, REGION, startMoto } from '../pipeline/support/moto.js';
import { runtimeEnvWith } from '../support/emulators.js';

const T0 = new Date('2026-11-22T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function finding(resource: string, account = ACCOUNT): CriticalFinding {
  return {
    cloud: 'aws',
    account,
    kind: 'public_bucket',
    resource_id: resource,
    name: resource,
    region: REGION,
    detail: 'ACL grants READ to AllUsers',
  };
}

describe('reconcile', () => {
  const polled = new Set([`aws/${ACCOUNT}`]);

  it('opens a new finding with this poll as its first sighting, to be alerted', () => {
    const r = reconcile([], [finding('b1')], polled, T0);
    expect(r.toAlert).toEqual([{ finding: finding('b1'), first_seen: T0.toISOString(), alerted: false }]);
  });

  it('keeps an alerted finding open without alerting it again', () => {
    const open: OpenFinding = { finding: finding('b1'), first_seen: T0.toISOString(), alerted: true };
    const r = reconcile([open], [finding('b1')], polled, at(1));
    expect([r.open, r.toAlert, r.resolved]).toEqual([[open], [], []]);
  });

  it('retries a finding whose alert did not go through, with its first sighting unchanged', () => {
    const open: OpenFinding = { finding: finding('b1'), first_seen: T0.toISOString(), alerted: false };
    expect(reconcile([open], [finding('b1')], polled, at(1)).toAlert).toEqual([open]);
  });

  it('resolves a finding a successful poll of its account no longer sees', () => {
    const open: OpenFinding = { finding: finding('b1'), first_seen: T0.toISOString(), alerted: true };
    const r = reconcile([open], [], polled, at(2));
    expect(r.resolved).toEqual([{ ...open, resolved_at: at(2).toISOString() }]);
    expect(r.open).toEqual([]);
  });

  it('keeps open the findings of an account that could not be read', () => {
    const open: OpenFinding = {
      finding: finding('b9', '999999999999'),
      first_seen: T0.toISOString(),
      alerted: true,
    };
    const r = reconcile([open], [], polled, at(2));
    expect([r.open, r.resolved]).toEqual([[open], []]);
  });
});

describe('findingEvent', () => {
  it('names the finding and its first sighting, as the CloudTrail normaliser shapes a public bucket', () => {
    const event = findingEvent(finding('b1'), T0.toISOString());
    expect(event).toMatchObject({
      event_id: `aws:escher.poll:public_bucket:arn:aws:s3:::b1@${T0.toISOString()}`,
      event_type: 'storage_public_access_granted',
      severity: 'CRITICAL',
      account_id: ACCOUNT,
      resource: { type: 'object_storage', id: 'arn:aws:s3:::b1', name: 'b1' },
    });
    expect(findingEvent(finding('b1'), T0.toISOString()).event_id).toBe(event.event_id);
  });
});

describe('escher daemon --poll-critical on moto', () => {
  let moto: Moto;
  const config = parseExtensionConfig({ home_cloud: 'aws', aws: { account: ACCOUNT, region: REGION } });

  beforeAll(async () => {
    moto = await startMoto();
    // The report's collectors use the SDK's default chain for the runner's own account.
    for (const [k, v] of Object.entries(motoEnv(moto))) vi.stubEnv(k, v);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  /** A daemon with no jobs, polling through a pipeline on moto, on a clock the test moves. */
  function daemonOn(rig: ReturnType<typeof testRig>) {
    let now = T0;
    rig.deps = { ...rig.deps, clock: () => now };
    let last: Date | undefined;
    const daemon = new Daemon({
      jobs: async () => [],
      snoozes: async () => [],
      run: async () => 'never',
      lastCheck: {
        get: async () => last,
        set: async (d) => {
          last = d;
        },
      },
      log: rig.deps.log,
      clock: () => now,
      pollCritical: criticalPollHook(rig.deps, runtimeEnvWith(motoEnv(moto)), config),
    });
    return {
      tick: async (minute: number) => {
        now = at(minute);
        await daemon.tick();
      },
    };
  }

  const makePublic = async (s3: S3Client, bucket: string) => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
  };
  const isPublic = async (bucket: string) =>
    ((await moto.s3.send(new GetBucketAclCommand({ Bucket: bucket }))).Grants ?? []).some((g) =>
      g.Grantee?.URI?.endsWith('/AllUsers'),
    );
  const alertsFor = (rig: ReturnType<typeof testRig>, bucket: string) =>
    rig.sent.filter((n) => n.dedup_key.includes(`arn:aws:s3:::${bucket}@`));

  it('alerts a bucket made public once, remediates it, and the next minute makes no second alert', async () => {
    const rig = testRig(moto);
    const daemon = daemonOn(rig);
    await makePublic(moto.s3, 'poll-public-fixed');

    await daemon.tick(0);
    expect(alertsFor(rig, 'poll-public-fixed').map((n) => n.severity)).toEqual(['CRITICAL']);
    expect(await isPublic('poll-public-fixed')).toBe(false);
    const ops = await rig.deps.state.listRecords('executed_operations', 'op:');
    expect(
      ops
        .filter((o) => JSON.stringify(o.target).includes('poll-public-fixed'))
        .map((o) => [o.action, o.outcome]),
    ).toEqual([['aws.s3.block_public_access', 'succeeded']]);

    await daemon.tick(1);
    expect(alertsFor(rig, 'poll-public-fixed')).toHaveLength(1);
    expect(
      (await rig.deps.state.listRecords('executed_operations', 'op:')).filter((o) =>
        JSON.stringify(o.target).includes('poll-public-fixed'),
      ),
    ).toHaveLength(1);
  });

  it('alerts a finding that stays open once, and again only after it was resolved and came back', async () => {
    // Notify-only: nothing is pre-approved, so the bucket stays public between polls.
    const rig = testRig(moto, { deployed: [] });
    const daemon = daemonOn(rig);
    await makePublic(moto.s3, 'poll-public-open');

    await daemon.tick(0);
    await daemon.tick(1);
    await daemon.tick(2);
    expect(alertsFor(rig, 'poll-public-open')).toHaveLength(1);
    expect(await isPublic('poll-public-open')).toBe(true);

    await moto.s3.send(new PutBucketAclCommand({ Bucket: 'poll-public-open', ACL: 'private' }));
    await daemon.tick(3);
    await moto.s3.send(new PutBucketAclCommand({ Bucket: 'poll-public-open', ACL: 'public-read' }));
    await daemon.tick(4);
    expect(alertsFor(rig, 'poll-public-open').map((n) => n.dedup_key)).toEqual([
      `aws:escher.poll:public_bucket:arn:aws:s3:::poll-public-open@${at(0).toISOString()}`,
      `aws:escher.poll:public_bucket:arn:aws:s3:::poll-public-open@${at(4).toISOString()}`,
    ]);
  });
});
