// Two service accounts: the runner (what the Cloud Run service and job run as, with one
// custom role holding exactly its permissions) and the invoker (what Cloud Scheduler and
// Pub/Sub authenticate as; it may only start the job and call the events service).

import * as projects from '@pulumi/gcp/projects/index.js';
import * as serviceaccount from '@pulumi/gcp/serviceaccount/index.js';
import type * as pulumi from '@pulumi/pulumi';
import type { ChildOptions } from './child-options.js';
import type { GcpStackConfig } from './config.js';
import { roleId } from './names.js';
import { runnerRolePermissions } from './permissions.js';

export interface Identities {
  runner: serviceaccount.Account;
  invoker: serviceaccount.Account;
  runnerMember: pulumi.Output<string>;
  invokerMember: pulumi.Output<string>;
}

export function declareIdentities(name: string, config: GcpStackConfig, opts: ChildOptions): Identities {
  const { project, extension } = config;
  const account = (role: string, displayName: string) =>
    new serviceaccount.Account(
      `${name}-${role}`,
      { accountId: `${extension.name}-${role}`, project, displayName },
      opts,
    );
  const runner = account('runner', 'Escher runner');
  const invoker = account('invoker', 'Escher scheduler and push invoker');

  const role = new projects.IAMCustomRole(
    `${name}-runner-role`,
    {
      roleId: roleId(extension.name),
      project,
      title: 'Escher runner',
      description: 'Enabled Escher remediations, scheduled job actions and report reads',
      permissions: runnerRolePermissions(extension),
      stage: 'GA',
    },
    opts,
  );
  const runnerMember = runner.member;
  new projects.IAMMember(
    `${name}-runner-permissions`,
    { project, role: role.name, member: runnerMember },
    opts,
  );
  return { runner, invoker, runnerMember, invokerMember: invoker.member };
}
