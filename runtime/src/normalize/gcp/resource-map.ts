// GCP resource kinds onto the normalised vocabulary: monitored-resource and log-entry
// types ('gce_instance'), Cloud Asset types ('google.compute.Instance', used by SCC)
// and audit-log resource names ('projects/p/zones/z/instances/i').

import type { ResourceType } from '@escher/shared';

const BY_TYPE: Record<string, ResourceType> = {
  gce_instance: 'compute_instance',
  'google.compute.instance': 'compute_instance',
  cloudsql_database: 'database_instance',
  'google.cloud.sql.instance': 'database_instance',
  gcs_bucket: 'object_storage',
  'google.cloud.storage.bucket': 'object_storage',
  gce_firewall_rule: 'firewall_rule',
  'google.compute.firewall': 'firewall_rule',
  gce_disk: 'volume',
  'google.compute.disk': 'volume',
  gce_snapshot: 'snapshot',
  'google.compute.snapshot': 'snapshot',
  gce_network: 'network',
  gce_subnetwork: 'network',
  gce_route: 'network',
  'google.compute.network': 'network',
  'google.compute.subnetwork': 'network',
  gke_cluster: 'kubernetes_cluster',
  k8s_cluster: 'kubernetes_cluster',
  'google.container.cluster': 'kubernetes_cluster',
  cloud_function: 'serverless_function',
  cloud_run_revision: 'serverless_function',
  service_account: 'iam_principal',
  'google.iam.serviceaccount': 'iam_principal',
  iam_role: 'iam_policy',
  project: 'account',
  'google.cloud.resourcemanager.project': 'account',
  cloudkms_cryptokey: 'encryption_key',
  'google.cloud.kms.cryptokey': 'encryption_key',
};

const BY_PATH: [RegExp, ResourceType][] = [
  [/\/instances\/[^/]+$/, 'compute_instance'],
  [/\/firewalls\/[^/]+$/, 'firewall_rule'],
  [/\/disks\/[^/]+$/, 'volume'],
  [/\/snapshots\/[^/]+$/, 'snapshot'],
  [/\/(networks|subnetworks|routes|routers)\/[^/]+$/, 'network'],
  [/\/buckets\/[^/]+$/, 'object_storage'],
  [/\/serviceAccounts\/[^/]+$/, 'iam_principal'],
  [/^projects\/[^/]+$/, 'account'],
];

export function gcpResourceType(type: string | undefined, name?: string): ResourceType {
  const byType = type === undefined ? undefined : BY_TYPE[type.toLowerCase()];
  if (byType) return byType;
  if (name) for (const [pattern, t] of BY_PATH) if (pattern.test(name)) return t;
  return 'other';
}

/** 'europe-west1-b' → 'europe-west1'; regions and multi-regions pass through. */
export function regionOfZone(zone: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.slice(0, -2) : zone;
}
