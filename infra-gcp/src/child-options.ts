// Options every resource of the component gets: the component as parent, and the project
// APIs it needs enabled first.

import type * as pulumi from '@pulumi/pulumi';

export interface ChildOptions {
  parent: pulumi.Resource;
  dependsOn: pulumi.Resource[];
}

export const after = (opts: ChildOptions, ...more: pulumi.Resource[]): ChildOptions => ({
  ...opts,
  dependsOn: [...opts.dependsOn, ...more],
});
