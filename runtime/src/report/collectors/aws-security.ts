// AWS security facts: S3 buckets readable by everyone, EBS volumes without encryption,
// security groups opening admin ports to the internet, the IAM password policy and root MFA.

import { DescribeSecurityGroupsCommand, type EC2Client, type IpPermission } from '@aws-sdk/client-ec2';
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetBucketAclCommand, ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfigError } from '../../errors.js';
import { ebsVolumes } from './aws-optimisation.js';
import type { Collector } from './collector.js';
import type { ExposureFact } from './observations.js';

const PUBLIC_GROUPS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);
export const ADMIN_PORTS = [22, 3389] as const;

async function publicBuckets(s3: S3Client, region: string): Promise<ExposureFact[]> {
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  const found: ExposureFact[] = [];
  for (const bucket of Buckets) {
    const name = bucket.Name ?? '';
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: name }));
    const grant = acl.Grants?.find((g) => PUBLIC_GROUPS.has(g.Grantee?.URI ?? ''));
    if (grant) {
      found.push({
        kind: 'public_bucket',
        resource_id: name,
        name,
        region,
        detail: `ACL grants ${grant.Permission} to ${grant.Grantee?.URI?.split('/').pop()}`,
      });
    }
  }
  return found;
}

function opensAdminPort(p: IpPermission): number | undefined {
  const world =
    p.IpRanges?.some((r) => r.CidrIp === '0.0.0.0/0') || p.Ipv6Ranges?.some((r) => r.CidrIpv6 === '::/0');
  if (!world) return undefined;
  if (p.IpProtocol === '-1') return ADMIN_PORTS[0];
  return ADMIN_PORTS.find((port) => (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535));
}

async function openAdminPorts(ec2: EC2Client, region: string): Promise<ExposureFact[]> {
  const found: ExposureFact[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ ...(token ? { NextToken: token } : {}) }));
    for (const group of out.SecurityGroups ?? []) {
      const port = (group.IpPermissions ?? []).map(opensAdminPort).find((p) => p !== undefined);
      if (port !== undefined) {
        found.push({
          kind: 'open_admin_port',
          resource_id: group.GroupId ?? '',
          name: group.GroupName ?? '',
          region,
          detail: `port ${port} open to the internet`,
        });
      }
    }
    token = out.NextToken;
  } while (token);
  return found;
}

async function identity(iam: IAMClient, account: string): Promise<ExposureFact[]> {
  const found: ExposureFact[] = [];
  try {
    const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    const problems = [
      (p?.MinimumPasswordLength ?? 0) < 14 ? 'minimum length below 14' : '',
      p?.RequireSymbols ? '' : 'symbols not required',
      p?.RequireNumbers ? '' : 'numbers not required',
    ].filter(Boolean);
    if (problems.length > 0) {
      found.push({
        kind: 'weak_password_policy',
        resource_id: account,
        name: account,
        region: 'global',
        detail: problems.join(', '),
      });
    }
  } catch (err) {
    if ((err as Error).name !== 'NoSuchEntityException' && (err as Error).name !== 'NoSuchEntity') throw err;
    found.push({
      kind: 'weak_password_policy',
      resource_id: account,
      name: account,
      region: 'global',
      detail: 'no password policy set',
    });
  }
  const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
  if (SummaryMap?.AccountMFAEnabled === 0) {
    found.push({
      kind: 'root_without_mfa',
      resource_id: account,
      name: account,
      region: 'global',
      detail: 'root user has no MFA device',
    });
  }
  return found;
}

export const awsSecurity: Collector = {
  name: 'aws.security',
  cloud: 'aws',
  section: 'security',
  async collect(scope, ctx) {
    if (!ctx.aws) throw new ConfigError('no AWS credentials configured');
    const ec2 = ctx.aws.ec2(scope);
    const [buckets, ports, ids, volumes] = await Promise.all([
      publicBuckets(ctx.aws.s3(scope), scope.region),
      openAdminPorts(ec2, scope.region),
      identity(ctx.aws.iam(scope), scope.account),
      ebsVolumes(ec2, scope.region),
    ]);
    return { section: 'security', exposures: [...buckets, ...ports, ...ids], volumes };
  },
};
