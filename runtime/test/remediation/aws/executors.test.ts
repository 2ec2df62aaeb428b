import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import type { AwsRemediationClients } from '../../../src/remediation/aws/clients.js';
import { ebsEncryptionByDefault } from '../../../src/remediation/aws/ebs-encryption-by-default.js';
import { sgRevokePublicAdminIngress } from '../../../src/remediation/aws/sg-revoke-public-admin-ingress.js';
import type { ExecutorContext } from '../../../src/remediation/executor.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { ACCOUNT, CREDENTIALS, type Moto, REGION, startMoto } from '../../pipeline/support/moto.js';

let moto: Moto;
let clients: AwsRemediationClients;
beforeAll(async () => {
  moto = await startMoto();
  clients = { region: REGION, endpoint: moto.endpoint, credentials: CREDENTIALS };
});

const log = createLogger({ redactor: new Redactor(), sink: () => {} });
const ctx = (
  resource_type: string,
  resource_id: string,
  params: Record<string, unknown> = {},
): ExecutorContext => ({
  target: { cloud: 'aws', account: ACCOUNT, region: REGION, resource_type, resource_id, params },
  log,
});

describe('aws.ec2.revoke_public_admin_ingress', () => {
  it('narrows RDP open to the world to the configured CIDRs, and then has nothing left to do', async () => {
    const { GroupId } = await moto.ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'rdp-hosts', Description: 'rdp' }),
    );
    await moto.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ],
      }),
    );
    const c = ctx('security_group', GroupId as string, {
      ports: [22, 3389],
      allowed_cidrs: ['198.51.100.0/24'],
    });

    const check = await sgRevokePublicAdminIngress.check(c, clients);
    expect(check.needed).toBe(true);
    expect(check.plan[1]).toBe('allow admin ports from 198.51.100.0/24 only');
    const applied = await sgRevokePublicAdminIngress.apply(c, clients);
    expect(applied.changes).toEqual([
      'revoked tcp 3389-3389 from 0.0.0.0/0',
      'allowed tcp 3389 from 198.51.100.0/24',
    ]);
    expect(await sgRevokePublicAdminIngress.verify(c, clients)).toEqual({
      ok: true,
      observed: 'no admin port open to 0.0.0.0/0 or ::/0',
    });

    const rules = await moto.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [GroupId as string] }] }),
    );
    expect(
      (rules.SecurityGroupRules ?? []).filter((r) => !r.IsEgress).map((r) => `${r.FromPort}:${r.CidrIpv4}`),
    ).toEqual(['3389:198.51.100.0/24']);
    expect(await sgRevokePublicAdminIngress.check(c, clients)).toEqual({
      needed: false,
      reason: 'no admin port is open to the internet',
      plan: [],
    });
  });

  it('refuses a group that no longer exists', async () => {
    await expect(
      sgRevokePublicAdminIngress.check(ctx('security_group', 'sg-0000000000000dead'), clients),
    ).rejects.toMatchObject({
      name: 'ResourceGoneError',
    });
  });
});

describe('aws.ec2.enable_ebs_encryption_by_default', () => {
  it('turns encryption by default on in the region and verifies it', async () => {
    const c = ctx('volume', 'vol-0abc');
    expect(await ebsEncryptionByDefault.check(c, clients)).toEqual({
      needed: true,
      reason: 'encryption by default is off in us-east-1',
      plan: ['turn on EBS encryption by default in us-east-1'],
    });
    expect(await ebsEncryptionByDefault.apply(c, clients)).toEqual({
      changes: ['EBS encryption by default on in us-east-1'],
    });
    expect(await ebsEncryptionByDefault.verify(c, clients)).toEqual({
      ok: true,
      observed: 'EbsEncryptionByDefault=true',
    });
    expect((await moto.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    expect((await ebsEncryptionByDefault.check(c, clients)).needed).toBe(false);
  });
});
