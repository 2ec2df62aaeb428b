// IAM calls that grant or take away access. Granting AdministratorAccess, or an inline
// policy allowing "*" on "*", is HIGH; other grants MEDIUM; revocations INFO.

import { GLOBAL_REGION } from '@escher/shared';
import { isObject, str } from '../fields.js';
import { high, info, medium } from '../severity.js';
import type { CallClassifier, CallFinding, TrailCall } from './cloudtrail-call.js';

const GRANTS = new Set([
  'AttachUserPolicy',
  'AttachRolePolicy',
  'AttachGroupPolicy',
  'PutUserPolicy',
  'PutRolePolicy',
  'PutGroupPolicy',
  'AddUserToGroup',
  'CreateAccessKey',
  'CreateLoginProfile',
  'UpdateAssumeRolePolicy',
]);
const REVOKES = new Set([
  'DetachUserPolicy',
  'DetachRolePolicy',
  'DetachGroupPolicy',
  'DeleteUserPolicy',
  'DeleteRolePolicy',
  'DeleteGroupPolicy',
  'RemoveUserFromGroup',
  'DeleteAccessKey',
  'DeleteLoginProfile',
]);
const LIFECYCLE: Record<string, CallFinding['eventType']> = {
  CreateUser: 'resource_created',
  CreateRole: 'resource_created',
  CreateGroup: 'resource_created',
  DeleteUser: 'resource_deleted',
  DeleteRole: 'resource_deleted',
  DeleteGroup: 'resource_deleted',
};

export const iamCall: CallClassifier = (call) => {
  const principal = principalOf(call);
  if (principal === undefined) return undefined;
  // IAM is global; CloudTrail files its calls under us-east-1, which says nothing about the principal.
  const found = (eventType: CallFinding['eventType'], baseline: CallFinding['baseline']): CallFinding[] => [
    { eventType, baseline, resource: principal, region: GLOBAL_REGION },
  ];
  if (GRANTS.has(call.name)) return found('iam_access_granted', grantBaseline(call));
  if (REVOKES.has(call.name)) return found('iam_access_revoked', info(`${call.name} removes access`));
  const lifecycle = LIFECYCLE[call.name];
  return lifecycle && found(lifecycle, info(call.name));
};

function principalOf(call: TrailCall): CallFinding['resource'] | undefined {
  for (const [key, kind] of [
    ['userName', 'user'],
    ['roleName', 'role'],
    ['groupName', 'group'],
  ] as const) {
    const name = str(call.params, key);
    if (name) {
      return {
        type: 'iam_principal',
        id: `arn:aws:iam::${call.account}:${kind}/${name}`,
        name,
        nativeType: `AWS::IAM::${kind[0]?.toUpperCase()}${kind.slice(1)}`,
        metadata: { policy_arn: str(call.params, 'policyArn'), policy_name: str(call.params, 'policyName') },
      };
    }
  }
  return undefined;
}

function grantBaseline(call: TrailCall): CallFinding['baseline'] {
  const policyArn = str(call.params, 'policyArn') ?? '';
  if (policyArn.endsWith('/AdministratorAccess')) return high('AdministratorAccess attached');
  const document = str(call.params, 'policyDocument') ?? '';
  if (allowsEverything(document)) return high('inline policy allows "*" on "*"');
  return medium(`${call.name} grants access`);
}

function allowsEverything(document: string): boolean {
  if (!document.includes('*')) return false;
  try {
    const parsed: unknown = JSON.parse(document);
    const statements = isObject(parsed) ? parsed.Statement : undefined;
    const list = Array.isArray(statements) ? statements : [statements];
    return list.some(
      (s) =>
        isObject(s) &&
        s.Effect === 'Allow' &&
        [s.Action].flat().includes('*') &&
        [s.Resource].flat().includes('*'),
    );
  } catch {
    // A policy document CloudTrail truncated or redacted cannot prove a wildcard grant.
    return false;
  }
}
