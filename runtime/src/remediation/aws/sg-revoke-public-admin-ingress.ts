// Catalog entry aws.ec2.revoke_public_admin_ingress: ingress rules open to 0.0.0.0/0 or
// ::/0 that reach an admin port (22, 3389 or the configured list) are revoked; when
// allowed CIDRs are configured, the same ports are re-opened to those CIDRs only.

import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
  type EC2Client,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { adminPortsOf, allowedCidrsOf, worldSources } from '../admin-ports.js';
import { type CatalogExecutor, noneLeft, type RemediationTarget } from '../executor.js';
import type { AwsRemediationClients } from './clients.js';
import { ec2Of } from './ec2-client.js';
import { awsCall, ResourceGoneError } from './errors.js';

const isWorld = worldSources();

const reaches = (rule: SecurityGroupRule, port: number) =>
  rule.IpProtocol === '-1' ||
  ((rule.IpProtocol === 'tcp' || rule.IpProtocol === '6') &&
    (rule.FromPort ?? 0) <= port &&
    port <= (rule.ToPort ?? 65535));

async function publicAdminRules(ec2: EC2Client, target: RemediationTarget): Promise<SecurityGroupRule[]> {
  const groupId = target.resource_id;
  const res = await awsCall(`security group ${groupId}`, () =>
    ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] })),
  );
  if (!res?.SecurityGroupRules?.length) {
    // A group always has at least its default egress rule; none at all means it is gone.
    throw new ResourceGoneError(`security group ${groupId} no longer exists`, {
      hint: 'nothing was changed',
    });
  }
  const ports = adminPortsOf(target);
  return (res?.SecurityGroupRules ?? []).filter(
    (r) => !r.IsEgress && isWorld(r.CidrIpv4 ?? r.CidrIpv6 ?? '') && ports.some((p) => reaches(r, p)),
  );
}

const describeRule = (r: SecurityGroupRule) =>
  `${r.IpProtocol === '-1' ? 'all traffic' : `tcp ${r.FromPort}-${r.ToPort}`} from ${r.CidrIpv4 ?? r.CidrIpv6}`;

export const sgRevokePublicAdminIngress: CatalogExecutor<AwsRemediationClients> = {
  id: 'aws.ec2.revoke_public_admin_ingress',
  undo: 'Re-authorise the revoked ingress rules (listed in the operation record); this re-opens the admin ports to the internet.',

  async check({ target }, clients) {
    const ec2 = ec2Of(clients);
    const rules = await publicAdminRules(ec2, target);
    const narrowTo = allowedCidrsOf(target);
    const plan = rules.map((r) => `revoke ${describeRule(r)} (${r.SecurityGroupRuleId})`);
    if (rules.length > 0 && narrowTo.length > 0)
      plan.push(`allow admin ports from ${narrowTo.join(', ')} only`);
    return {
      needed: rules.length > 0,
      reason:
        rules.length > 0
          ? `${rules.length} rule(s) open admin ports to the internet`
          : 'no admin port is open to the internet',
      plan,
    };
  },

  async apply({ target }, clients) {
    const ec2 = ec2Of(clients);
    const rules = await publicAdminRules(ec2, target);
    if (rules.length === 0) return { changes: [] };
    const ids = rules.map((r) => r.SecurityGroupRuleId).filter((id): id is string => Boolean(id));
    await awsCall(`security group ${target.resource_id}`, () =>
      ec2.send(
        new RevokeSecurityGroupIngressCommand({ GroupId: target.resource_id, SecurityGroupRuleIds: ids }),
      ),
    );
    const changes = rules.map((r) => `revoked ${describeRule(r)}`);
    const narrowTo = allowedCidrsOf(target);
    if (narrowTo.length > 0) {
      const ports = adminPortsOf(target).filter((p) => rules.some((r) => reaches(r, p)));
      const IpPermissions = ports.map((p) => ({
        IpProtocol: 'tcp',
        FromPort: p,
        ToPort: p,
        IpRanges: narrowTo.map((CidrIp) => ({ CidrIp })),
      }));
      await awsCall(`security group ${target.resource_id}`, () =>
        ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: target.resource_id, IpPermissions })),
      );
      changes.push(`allowed tcp ${ports.join(', ')} from ${narrowTo.join(', ')}`);
    }
    return { changes };
  },

  async verify({ target }, clients) {
    const ec2 = ec2Of(clients);
    const rules = await publicAdminRules(ec2, target);
    return noneLeft(rules.map(describeRule), 'no admin port open to 0.0.0.0/0 or ::/0', 'still open');
  },
};
