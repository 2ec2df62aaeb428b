// Catalog entry gcp.compute.restrict_public_firewall: a VPC firewall rule that opens an
// admin port (22, 3389 or the configured list) to 0.0.0.0/0 or ::/0 is narrowed to the
// configured CIDRs, or disabled when none are configured (kept, so undoing is one flag).
// The patch is a global operation, waited on until DONE.

import { adminPortsOf, allowedCidrsOf } from '../admin-ports.js';
import type { CatalogExecutor, ExecutorContext } from '../executor.js';
import type { GcpRemediationClients } from './clients.js';
import { gcpCall } from './errors.js';
import { closingPatch, describeFirewall, type Firewall, opensAdminPort } from './firewall-rules.js';
import { waitGlobalOperation } from './operations.js';

/** A rule name, or a path ending in "firewalls/<name>". */
export const firewallName = (resourceId: string) =>
  resourceId.split('/firewalls/').pop()?.split('/')[0] || resourceId;

async function rule({ target }: ExecutorContext, c: GcpRemediationClients): Promise<Firewall> {
  const firewall = firewallName(target.resource_id);
  const [found] = await gcpCall(`firewall rule ${firewall}`, () =>
    c.firewalls.get({ project: target.account, firewall }),
  );
  return found;
}

const patchText = (patch: Firewall) =>
  patch.disabled ? 'disable it' : `limit sources to ${(patch.sourceRanges ?? []).join(', ')}`;

export const firewallRestrict: CatalogExecutor<GcpRemediationClients> = {
  id: 'gcp.compute.restrict_public_firewall',
  undo: 'Re-enable the rule or restore its original source ranges (listed in the operation record); this re-opens the admin ports to the internet.',

  async check(ctx, c) {
    const found = await rule(ctx, c);
    const open = opensAdminPort(found, adminPortsOf(ctx.target));
    return {
      needed: open,
      reason: open
        ? `${describeFirewall(found)} opens an admin port to the internet`
        : `${found.name} opens no admin port to the internet`,
      plan: open ? [`${patchText(closingPatch(found, allowedCidrsOf(ctx.target)))} on ${found.name}`] : [],
    };
  },

  async apply(ctx, c) {
    const found = await rule(ctx, c);
    if (!opensAdminPort(found, adminPortsOf(ctx.target))) return { changes: [] };
    const patch = closingPatch(found, allowedCidrsOf(ctx.target));
    const project = ctx.target.account;
    const firewall = found.name as string;
    await gcpCall(`firewall rule ${firewall}`, async () => {
      const [operation] = await c.firewalls.patch({ project, firewall, firewallResource: patch });
      await waitGlobalOperation(c.globalOperations, project, operation);
    });
    return {
      changes: [
        `${patch.disabled ? 'disabled' : 'narrowed'} ${describeFirewall(found)}${patch.disabled ? '' : ` to ${patch.sourceRanges?.join(', ')}`}`,
      ],
    };
  },

  async verify(ctx, c) {
    const found = await rule(ctx, c);
    const open = opensAdminPort(found, adminPortsOf(ctx.target));
    return {
      ok: !open,
      observed: open
        ? `still open: ${describeFirewall(found)}`
        : `${describeFirewall(found)}${found.disabled ? ' is disabled' : ''}`,
    };
  },
};
