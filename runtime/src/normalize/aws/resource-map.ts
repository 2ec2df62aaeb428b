// AWS native resource types (CloudFormation 'AWS::EC2::Instance', ASFF 'AwsEc2Instance',
// GuardDuty 'Instance') onto the normalised vocabulary.

import type { ResourceType } from '@escher/shared';

const BY_KEY: Record<string, ResourceType> = {
  awsec2instance: 'compute_instance',
  instance: 'compute_instance',
  awsrdsdbinstance: 'database_instance',
  awsrdsdbcluster: 'database_instance',
  awsdynamodbtable: 'database_instance',
  awss3bucket: 'object_storage',
  s3bucket: 'object_storage',
  awsec2securitygroup: 'security_group',
  awsec2volume: 'volume',
  awsec2snapshot: 'snapshot',
  awsrdsdbsnapshot: 'snapshot',
  awsec2vpc: 'network',
  awsec2subnet: 'network',
  awsec2networkinterface: 'network',
  awsec2networkacl: 'firewall_rule',
  awsiamuser: 'iam_principal',
  awsiamrole: 'iam_principal',
  awsiamgroup: 'iam_principal',
  awsiamaccesskey: 'iam_principal',
  accesskey: 'iam_principal',
  awsiampolicy: 'iam_policy',
  awsiammanagedpolicy: 'iam_policy',
  awslambdafunction: 'serverless_function',
  lambda: 'serverless_function',
  awskmskey: 'encryption_key',
  awsekscluster: 'kubernetes_cluster',
  ekscluster: 'kubernetes_cluster',
  awselbv2loadbalancer: 'load_balancer',
  awselbloadbalancer: 'load_balancer',
  awselasticloadbalancingv2loadbalancer: 'load_balancer',
  awsaccount: 'account',
};

export function awsResourceType(native: string | undefined): ResourceType {
  if (native === undefined) return 'other';
  const key = native.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return BY_KEY[key] ?? 'other';
}

/** Guesses the type from an AWS id or ARN ('i-…', 'vol-…', 'arn:aws:s3:::bucket'). */
export function awsTypeFromId(id: string): ResourceType {
  if (/^i-[0-9a-f]+$/.test(id) || id.includes(':instance/')) return 'compute_instance';
  if (id.startsWith('vol-') || id.includes(':volume/')) return 'volume';
  if (id.startsWith('snap-')) return 'snapshot';
  if (id.startsWith('sg-') || id.includes(':security-group/')) return 'security_group';
  if (id.startsWith('arn:aws:s3:::')) return 'object_storage';
  if (id.includes(':rds:') && id.includes(':db:')) return 'database_instance';
  if (id.includes(':lambda:')) return 'serverless_function';
  if (/^\d{12}$/.test(id)) return 'account';
  return 'other';
}
