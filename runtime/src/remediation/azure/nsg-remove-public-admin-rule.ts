// Catalog entry azure.network.remove_public_admin_rule: inbound Allow rules of a network
// security group that open an admin port (22, 3389 or the configured list) to the internet
// are deleted, or narrowed to the configured CIDRs in place (same name and priority).
// Both are long-running ARM operations; the SDK's poller follows them to completion.

import type { SecurityRule } from '@azure/arm-network';
import { adminPortsOf, allowedCidrsOf } from '../admin-ports.js';
import { type CatalogExecutor, type ExecutorContext, noneLeft } from '../executor.js';
import type { AzureRemediationClients } from './clients.js';
import { azureCall } from './errors.js';
import { describeRule, exposesAdminPort, narrowed } from './nsg-rules.js';
import { parseArmId } from './resource-id.js';

const TYPE = 'Microsoft.Network/networkSecurityGroups';

async function publicAdminRules(
  { target }: ExecutorContext,
  c: AzureRemediationClients,
): Promise<SecurityRule[]> {
  const { resourceGroup, name } = parseArmId(target.resource_id, TYPE);
  const ports = adminPortsOf(target);
  const rules: SecurityRule[] = [];
  await azureCall(`network security group ${name}`, async () => {
    for await (const rule of c.network.securityRules.list(resourceGroup, name)) {
      if (exposesAdminPort(rule, ports)) rules.push(rule);
    }
  });
  return rules;
}

export const nsgRemovePublicAdminRule: CatalogExecutor<AzureRemediationClients> = {
  id: 'azure.network.remove_public_admin_rule',
  undo: 'Recreate the removed rules (or restore their original sources) as listed in the operation record; this re-opens the admin ports to the internet.',

  async check(ctx, c) {
    const rules = await publicAdminRules(ctx, c);
    const cidrs = allowedCidrsOf(ctx.target);
    return {
      needed: rules.length > 0,
      reason:
        rules.length > 0
          ? `${rules.length} rule(s) open admin ports to the internet`
          : 'no admin port is open to the internet',
      plan: rules.map((r) =>
        narrowed(r, cidrs)
          ? `narrow ${describeRule(r)} to ${cidrs.join(', ') || 'its other sources'}`
          : `delete ${describeRule(r)}`,
      ),
    };
  },

  async apply(ctx, c) {
    const { resourceGroup, name } = parseArmId(ctx.target.resource_id, TYPE);
    const poll = c.lroIntervalMs !== undefined ? { updateIntervalInMs: c.lroIntervalMs } : {};
    const changes: string[] = [];
    for (const rule of await publicAdminRules(ctx, c)) {
      const ruleName = rule.name as string;
      const replacement = narrowed(rule, allowedCidrsOf(ctx.target));
      if (replacement) {
        await azureCall(`security rule ${ruleName}`, () =>
          c.network.securityRules.createOrUpdate(resourceGroup, name, ruleName, replacement, {
            ...poll,
            abortSignal: ctx.signal,
          }),
        );
        changes.push(`narrowed ${describeRule(rule)} to ${describeRule(replacement)}`);
      } else {
        await azureCall(`security rule ${ruleName}`, () =>
          c.network.securityRules.delete(resourceGroup, name, ruleName, { ...poll, abortSignal: ctx.signal }),
        );
        changes.push(`deleted ${describeRule(rule)}`);
      }
    }
    return { changes };
  },

  async verify(ctx, c) {
    const rules = await publicAdminRules(ctx, c);
    return noneLeft(rules.map(describeRule), 'no admin port open to the internet', 'still open');
  },
};
