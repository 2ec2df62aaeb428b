// Azure Resource Manager ids, taken apart: the catalog's targets carry the full id
// ("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n").

import { InputError } from '../../errors.js';

export interface ArmId {
  subscription: string;
  resourceGroup: string;
  name: string;
}

/** `type` is "Microsoft.Storage/storageAccounts" and the like; ids of child resources are cut at the parent. */
export function parseArmId(id: string, type: string): ArmId {
  const escaped = type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('/', '\\/');
  const m = new RegExp(
    `^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/${escaped}/([^/]+)`,
    'i',
  ).exec(id);
  if (!m?.[1] || !m[2] || !m[3]) {
    throw new InputError(`not an Azure ${type} resource id: ${id}`, {
      hint: `expected /subscriptions/<id>/resourceGroups/<group>/providers/${type}/<name>`,
    });
  }
  return { subscription: m[1], resourceGroup: m[2], name: m[3] };
}
