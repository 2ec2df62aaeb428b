// GCP security facts: buckets whose IAM policy (or, without uniform bucket-level access,
// legacy ACL) grants allUsers or allAuthenticatedUsers while public access prevention is
// not enforced (enforced, such grants have no effect),
// VPC firewall rules letting 0.0.0.0/0 reach an admin port, and the project's disks
// (always encrypted at rest by Compute Engine).

import type { GcpClients } from '../../clouds/gcp/clients.js';
import { withRetry } from '../../clouds/retry.js';
import { ConfigError } from '../../errors.js';
import { type Firewall, opensAdminPort } from '../../remediation/gcp/firewall-rules.js';
import { ADMIN_PORTS } from './aws-security.js';
import type { Collector } from './collector.js';
import { gceDiskFact, gceDisks } from './gcp-inventory.js';
import type { ExposureFact } from './observations.js';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

async function publicBuckets(gcp: GcpClients, project: string, region: string): Promise<ExposureFact[]> {
  const storage = gcp.storage();
  const [buckets] = await withRetry(() => storage.getBuckets({ project }), gcp.retry);
  const found: ExposureFact[] = [];
  for (const bucket of buckets) {
    const prevention = bucket.metadata.iamConfiguration?.publicAccessPrevention;
    if (prevention === 'enforced') continue;
    const [policy] = await withRetry(() => bucket.iam.getPolicy({ requestedPolicyVersion: 3 }), gcp.retry);
    const iam = (policy.bindings ?? []).flatMap((b) =>
      (b.members ?? []).filter((m: string) => PUBLIC_MEMBERS.has(m)).map((m: string) => `${b.role} to ${m}`),
    );
    // Uniform bucket-level access switches legacy ACLs off (the API refuses to read them then).
    const uniform = bucket.metadata.iamConfiguration?.uniformBucketLevelAccess?.enabled === true;
    const [entries] = uniform ? [[]] : await withRetry(() => bucket.acl.get(), gcp.retry);
    const acl = (entries as { entity?: string; role?: string }[])
      .filter((a) => PUBLIC_MEMBERS.has(a.entity ?? ''))
      .map((a) => `${a.role} to ${a.entity}`);
    if (iam.length === 0 && acl.length === 0) continue;
    const grants = [
      ...(iam.length ? [`IAM grants ${iam.join(', ')}`] : []),
      ...(acl.length ? [`ACL grants ${acl.join(', ')}`] : []),
    ];
    found.push({
      kind: 'public_bucket',
      resource_id: bucket.name,
      name: bucket.name,
      region: String(bucket.metadata.location ?? region).toLowerCase(),
      detail: `${grants.join('; ')}; public access prevention ${prevention ?? 'inherited'}`,
    });
  }
  return found;
}

/** The first admin port an enabled ingress rule opens to the internet, if any (the remediation's test). */
export function adminPortOpenedBy(rule: Firewall): number | undefined {
  return ADMIN_PORTS.find((port) => opensAdminPort(rule, [port]));
}

async function openFirewalls(gcp: GcpClients, project: string): Promise<ExposureFact[]> {
  const rules = await withRetry(async () => {
    const all: Firewall[] = [];
    for await (const rule of gcp.firewalls().listAsync({ project, maxResults: 500 }, { autoPaginate: false }))
      all.push(rule);
    return all;
  }, gcp.retry);
  return rules.flatMap((rule) => {
    const port = adminPortOpenedBy(rule);
    if (port === undefined) return [];
    return [
      {
        kind: 'open_admin_port' as const,
        resource_id: `projects/${project}/global/firewalls/${rule.name}`,
        name: rule.name ?? '',
        region: 'global',
        detail: `port ${port} open to the internet (source ${(rule.sourceRanges ?? []).join(', ')})`,
      },
    ];
  });
}

export const gcpSecurity: Collector = {
  name: 'gcp.security',
  cloud: 'gcp',
  section: 'security',
  async collect(scope, ctx) {
    if (!ctx.gcp) throw new ConfigError('no GCP credentials configured');
    const [buckets, firewalls, disks] = await Promise.all([
      publicBuckets(ctx.gcp, scope.account, scope.region),
      openFirewalls(ctx.gcp, scope.account),
      gceDisks(ctx.gcp, scope.account),
    ]);
    return { section: 'security', exposures: [...buckets, ...firewalls], volumes: disks.map(gceDiskFact) };
  },
};
