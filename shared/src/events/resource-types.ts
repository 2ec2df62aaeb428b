// The normalised resource vocabulary: one name per kind of thing, whichever cloud it
// lives in. The architecture's table (compute_instance, database_instance,
// object_storage) extended with what events talk about; the provider's own type is
// kept next to it in `resource.metadata.native_type`.

import { z } from 'zod';

export const RESOURCE_TYPES = {
  compute_instance: 'A virtual machine: EC2 instance, Azure VM, Compute Engine instance.',
  database_instance: 'A managed database server: RDS instance/cluster, Azure SQL, Cloud SQL.',
  object_storage: 'A bucket or blob container: S3 bucket, Azure blob container, Cloud Storage bucket.',
  storage_account: 'An Azure storage account (the parent of blob containers).',
  volume: 'A block disk: EBS volume, managed disk, persistent disk.',
  snapshot: 'A point-in-time copy of a volume or database.',
  security_group: 'A stateful instance-level firewall: EC2 security group, Azure NSG.',
  firewall_rule: 'A single network firewall rule, e.g. a VPC firewall rule in GCP.',
  network: 'A virtual network, subnet, route or router.',
  load_balancer: 'A load balancer, target group or forwarding rule.',
  iam_principal: 'A user, role, group, service account or access key.',
  iam_policy: 'A permission policy or role definition.',
  serverless_function: 'A Lambda function, Azure Function app or Cloud Function/Run service.',
  kubernetes_cluster: 'An EKS, AKS or GKE cluster or node pool.',
  encryption_key: 'A KMS key, Key Vault key or Cloud KMS key.',
  monitoring_alarm: 'A metric alarm or alert rule (when the event has no better resource).',
  budget: 'A cost budget.',
  account: 'An AWS account, Azure subscription or GCP project as a whole.',
  resource_group: 'An Azure resource group.',
  other: 'Anything else; the native type says what.',
} as const;

export type ResourceType = keyof typeof RESOURCE_TYPES;

export const ResourceTypeSchema = z.enum(Object.keys(RESOURCE_TYPES) as [ResourceType, ...ResourceType[]]);
