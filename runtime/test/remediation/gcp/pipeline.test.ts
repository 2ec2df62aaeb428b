// GCP through the whole pipeline: the audit-log event a public bucket or an open firewall
// produces goes in, the pre-approved catalog entry fixes it on the contract server, verifies,
// notifies and records.

import { readFileSync } from 'node:fs';
import type { AlertRecord } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrigger } from '../../../src/runner/handle-trigger.js';
import { addFirewall } from '../../contract/gce-firewall.js';
import { addBucket } from '../../contract/gcs-iam.js';
import { testRig } from '../../pipeline/support/deps.js';
import { type GcpWorld, PROJECT, startGcpWorld } from './setup.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/events/gcp/audit-log/${name}`, import.meta.url), 'utf8');

let world: GcpWorld;
beforeAll(async () => {
  world = await startGcpWorld();
});
afterAll(() => world.server.close());

function gcpRig() {
  const rig = testRig(undefined, {
    deployed: ['gcp.storage.remove_public_access', 'gcp.compute.restrict_public_firewall'],
  });
  rig.deps.clients = { gcp: world.clients };
  return rig;
}

function onlyAlert(result: Awaited<ReturnType<typeof handleTrigger>>): AlertRecord {
  const item = result.items[0];
  if (result.status !== 'done' || item?.status !== 'done' || !item.alert)
    throw new Error(`expected done, got ${JSON.stringify(result)}`);
  return item.alert;
}

describe('GCP remediation through the pipeline (contract servers)', () => {
  it('a bucket granted to allUsers gets public access prevention and loses the binding', async () => {
    const bucket = addBucket(world.gcs, {
      name: 'jacks-test-bucket',
      publicAccessPrevention: 'inherited',
      uniformBucketLevelAccess: true,
      bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
    });
    const rig = gcpRig();
    const alert = onlyAlert(
      await handleTrigger(
        { kind: 'event', event: JSON.parse(fixture('gcs-set-iam-all-users.json')) },
        rig.deps,
      ),
    );
    expect(alert.status).toBe('remediated');
    expect(alert.actions[0]).toMatchObject({
      action: 'gcp.storage.remove_public_access',
      outcome: 'succeeded',
      verified: true,
      changes: ['enforced public access prevention', 'removed allUsers from roles/storage.objectViewer'],
    });
    expect(bucket.publicAccessPrevention).toBe('enforced');
    expect(bucket.bindings).toEqual([]);
    expect(rig.sent[0]).toMatchObject({ severity: 'CRITICAL', resolved: true });
  });

  it('a firewall rule opening 22 to the internet is disabled', async () => {
    const rule = addFirewall(world.firewall, {
      project: PROJECT,
      name: 'allow-ssh-any',
      network: 'default',
      priority: 1000,
      direction: 'INGRESS',
      sourceRanges: ['0.0.0.0/0'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      disabled: false,
    });
    const event = fixture('firewall-insert-http-any-source.json')
      .replaceAll('scc-log-pubsub', PROJECT)
      .replaceAll('firewall-rule-01', 'allow-ssh-any')
      .replace('"80"', '"22"');
    const rig = gcpRig();
    const alert = onlyAlert(await handleTrigger({ kind: 'event', event: JSON.parse(event) }, rig.deps));
    expect(alert.actions[0]).toMatchObject({
      action: 'gcp.compute.restrict_public_firewall',
      outcome: 'succeeded',
      verified: true,
      changes: ['disabled allow-ssh-any (tcp:22 from 0.0.0.0/0)'],
    });
    expect(rule.disabled).toBe(true);
  });

  it('does nothing to a firewall when the pre-approval is off', async () => {
    const rule = addFirewall(world.firewall, {
      project: PROJECT,
      name: 'allow-ssh-any-2',
      network: 'default',
      priority: 1000,
      direction: 'INGRESS',
      sourceRanges: ['0.0.0.0/0'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      disabled: false,
    });
    const event = fixture('firewall-insert-http-any-source.json')
      .replaceAll('scc-log-pubsub', PROJECT)
      .replaceAll('firewall-rule-01', 'allow-ssh-any-2')
      .replace('"80"', '"22"');
    const rig = testRig(undefined, { deployed: [] });
    rig.deps.clients = { gcp: world.clients };
    const alert = onlyAlert(await handleTrigger({ kind: 'event', event: JSON.parse(event) }, rig.deps));
    expect(alert.actions).toEqual([]);
    expect(rule.disabled).toBe(false);
  });
});
