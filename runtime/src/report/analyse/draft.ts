// A finding before it is compared with the previous report, and the per-cloud catalog
// fixes the report offers as one-click buttons (still subject to the user's approval).

import type { CloudProvider, Finding, RemediationId } from '@escher/shared';

export type FindingDraft = Omit<Finding, 'status'>;

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function findingId(kind: string, cloud: string, account: string, resource: string): string {
  return `${kind}:${cloud}:${account}:${resource}`;
}

type FixKind = 'stop' | 'public_bucket' | 'admin_port' | 'encryption';
const FIXES: Record<FixKind, Partial<Record<CloudProvider, RemediationId>>> = {
  stop: {
    aws: 'aws.ec2.stop_instance',
    azure: 'azure.compute.deallocate_vm',
    gcp: 'gcp.compute.stop_instance',
  },
  public_bucket: {
    aws: 'aws.s3.block_public_access',
    azure: 'azure.storage.disallow_public_access',
    gcp: 'gcp.storage.remove_public_access',
  },
  admin_port: {
    aws: 'aws.ec2.revoke_public_admin_ingress',
    azure: 'azure.network.remove_public_admin_rule',
    gcp: 'gcp.compute.restrict_public_firewall',
  },
  encryption: { aws: 'aws.ec2.enable_ebs_encryption_by_default' },
};

export function fixFor(kind: FixKind, cloud: CloudProvider, label: string): FindingDraft['fix'] {
  const remediation = FIXES[kind][cloud];
  return remediation ? { label, remediation } : { label };
}
