// Azure resource ids: /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}…].
// The subscription is the account; the provider path gives the normalised type. Ids
// arrive in any letter case (alert payloads often lower- or upper-case them).

import type { ResourceType } from '@escher/shared';

export interface AzureResourceId {
  subscription: string | undefined;
  resourceGroup: string | undefined;
  /** e.g. 'Microsoft.Compute/virtualMachines'; 'Microsoft.Resources/subscriptions' for a bare subscription. */
  nativeType: string;
  name: string;
}

export function parseAzureId(id: string): AzureResourceId {
  const parts = id.split('/').filter((p) => p.length > 0);
  let subscription: string | undefined;
  let resourceGroup: string | undefined;
  let provider: string | undefined;
  const types: string[] = [];
  let name = parts[parts.length - 1] ?? id;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]?.toLowerCase();
    const value = parts[i + 1];
    if (key === 'subscriptions' && value && subscription === undefined) subscription = value;
    else if (key === 'resourcegroups' && value && resourceGroup === undefined) resourceGroup = value;
    else if (key === 'providers' && value) {
      provider = value;
      types.length = 0;
      for (let j = i + 2; j + 1 < parts.length; j += 2) types.push(parts[j] ?? '');
      name = parts[parts.length - 1] ?? name;
      break;
    } else continue;
    i++;
  }
  const nativeType = provider
    ? [provider, ...types].join('/')
    : resourceGroup
      ? 'Microsoft.Resources/resourceGroups'
      : 'Microsoft.Resources/subscriptions';
  return { subscription, resourceGroup, nativeType, name };
}

const TYPES: [RegExp, ResourceType][] = [
  [/^microsoft\.compute\/virtualmachines$/, 'compute_instance'],
  [/^microsoft\.compute\/virtualmachinescalesets/, 'compute_instance'],
  [/^microsoft\.compute\/disks$/, 'volume'],
  [/^microsoft\.compute\/snapshots$/, 'snapshot'],
  [/^microsoft\.(sql|dbforpostgresql|dbformysql|dbformariadb|documentdb)\//, 'database_instance'],
  [/^microsoft\.storage\/storageaccounts\/blobservices\/containers$/, 'object_storage'],
  [/^microsoft\.storage\/storageaccounts/, 'storage_account'],
  [/^microsoft\.network\/networksecuritygroups\/securityrules$/, 'firewall_rule'],
  [/^microsoft\.network\/networksecuritygroups$/, 'security_group'],
  [/^microsoft\.network\/(virtualnetworks|networkinterfaces|routetables|publicipaddresses)/, 'network'],
  [/^microsoft\.network\/(loadbalancers|applicationgateways)/, 'load_balancer'],
  [/^microsoft\.network\/azurefirewalls/, 'firewall_rule'],
  [/^microsoft\.web\/sites/, 'serverless_function'],
  [/^microsoft\.containerservice\/managedclusters/, 'kubernetes_cluster'],
  [/^microsoft\.keyvault\/vaults/, 'encryption_key'],
  [/^microsoft\.authorization\/(roleassignments|roledefinitions)/, 'iam_policy'],
  [/^microsoft\.managedidentity\//, 'iam_principal'],
  [/^microsoft\.insights\/(metricalerts|scheduledqueryrules|activitylogalerts)/, 'monitoring_alarm'],
  [/^microsoft\.consumption\/budgets/, 'budget'],
  [/^microsoft\.resources\/resourcegroups$/, 'resource_group'],
  [/^microsoft\.resources\/subscriptions$/, 'account'],
];

export function azureResourceType(nativeType: string): ResourceType {
  const key = nativeType.toLowerCase();
  for (const [pattern, type] of TYPES) if (pattern.test(key)) return type;
  return 'other';
}

/** The subscription named anywhere in an id or scope string. */
export function subscriptionOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /\/subscriptions\/([^/]+)/i.exec(text)?.[1];
}
