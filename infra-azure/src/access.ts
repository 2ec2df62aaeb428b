// Identities and what they may do. The runner identity gets data access to its state
// account and read access to its vault's secrets, plus one custom role holding exactly
// the enabled remediations, job actions and report reads. The scheduler identity (used
// by the Logic Apps) may only manage container groups in the stack's resource group and
// hand the runner identity to them.

import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as managedidentity from '@pulumi/azure-native/managedidentity/index.js';
import * as pulumi from '@pulumi/pulumi';
import type { AzureStackConfig } from './config.js';
import { BUILT_IN_ROLES, roleDefinitionId, stableGuid } from './names.js';
import { runnerRoleActions, SCHEDULER_ROLE_ACTIONS } from './permissions.js';

export interface Identities {
  runner: managedidentity.UserAssignedIdentity;
  scheduler: managedidentity.UserAssignedIdentity;
}

export function declareIdentities(
  name: string,
  config: AzureStackConfig,
  resourceGroupName: pulumi.Output<string>,
  parent: pulumi.Resource,
): Identities {
  const identity = (role: string) =>
    new managedidentity.UserAssignedIdentity(
      `${name}-${role}`,
      { resourceName: `${config.extension.name}-${role}`, resourceGroupName, location: config.location },
      { parent },
    );
  return { runner: identity('runner'), scheduler: identity('scheduler') };
}

export interface Grant {
  principal: managedidentity.UserAssignedIdentity | pulumi.Output<string>;
  role: pulumi.Input<string>;
  scope: pulumi.Input<string>;
}

export function assignRole(resourceName: string, grant: Grant, parent: pulumi.Resource) {
  const principalId = pulumi.Output.isInstance(grant.principal)
    ? grant.principal
    : grant.principal.principalId;
  return new authorization.RoleAssignment(
    resourceName,
    { principalId, principalType: 'ServicePrincipal', roleDefinitionId: grant.role, scope: grant.scope },
    { parent },
  );
}

export function declareAccess(
  name: string,
  config: AzureStackConfig,
  ids: Identities,
  scopes: {
    resourceGroup: pulumi.Output<string>;
    account: pulumi.Output<string>;
    vault: pulumi.Output<string>;
  },
  parent: pulumi.Resource,
): void {
  const sub = config.subscriptionId;
  const subscriptionScope = `/subscriptions/${sub}`;
  const rgScope = `${subscriptionScope}/resourceGroups/${config.resourceGroup}`;
  const runnerRole = new authorization.RoleDefinition(
    `${name}-runner-role`,
    {
      roleDefinitionId: stableGuid(`${rgScope}/runner`),
      roleName: `Escher runner (${config.resourceGroup})`,
      description: 'Enabled Escher remediations, scheduled job actions and report reads',
      scope: subscriptionScope,
      assignableScopes: [subscriptionScope],
      permissions: [{ actions: runnerRoleActions(config.extension), notActions: [] }],
    },
    { parent },
  );
  const schedulerRole = new authorization.RoleDefinition(
    `${name}-scheduler-role`,
    {
      roleDefinitionId: stableGuid(`${rgScope}/scheduler`),
      roleName: `Escher scheduler (${config.resourceGroup})`,
      description: 'Create, read and delete Escher runner container groups',
      scope: scopes.resourceGroup,
      assignableScopes: [scopes.resourceGroup],
      permissions: [{ actions: [...SCHEDULER_ROLE_ACTIONS], notActions: [] }],
    },
    { parent },
  );
  const builtIn = (guid: string) => roleDefinitionId(sub, guid);
  assignRole(
    `${name}-runner-remediations`,
    { principal: ids.runner, role: runnerRole.id, scope: subscriptionScope },
    parent,
  );
  assignRole(
    `${name}-runner-state`,
    {
      principal: ids.runner,
      role: builtIn(BUILT_IN_ROLES.storageBlobDataContributor),
      scope: scopes.account,
    },
    parent,
  );
  assignRole(
    `${name}-runner-secrets`,
    { principal: ids.runner, role: builtIn(BUILT_IN_ROLES.keyVaultSecretsUser), scope: scopes.vault },
    parent,
  );
  assignRole(
    `${name}-scheduler-groups`,
    { principal: ids.scheduler, role: schedulerRole.id, scope: scopes.resourceGroup },
    parent,
  );
  assignRole(
    `${name}-scheduler-assign-runner`,
    { principal: ids.scheduler, role: builtIn(BUILT_IN_ROLES.managedIdentityOperator), scope: ids.runner.id },
    parent,
  );
}
