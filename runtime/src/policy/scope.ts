// Whether a pre-approval covers a resource: its environment, account and exclusion tags.
// Pure; every refusal says which rule refused.

import type { PreApproval } from '@escher/shared';

export interface ScopeFacts {
  account: string;
  environment?: string | undefined;
  tags: Record<string, string>;
}

/** The tag that excludes the resource, as "key=value", or undefined. */
export function excludingTag(
  exclude: Record<string, string>,
  tags: Record<string, string>,
): string | undefined {
  for (const [key, value] of Object.entries(exclude)) {
    const actual = tags[key];
    if (actual !== undefined && (value === '*' || value === actual)) return `${key}=${actual}`;
  }
  return undefined;
}

/** undefined when the pre-approval covers the resource, otherwise why not. */
export function outOfScope(pre: PreApproval, facts: ScopeFacts): string | undefined {
  if (!pre.enabled) return 'not pre-approved';
  if (pre.environments.length > 0 && !pre.environments.includes(facts.environment as never)) {
    return `pre-approval covers ${pre.environments.join(', ')} only, resource is in ${facts.environment ?? 'no environment'}`;
  }
  if (pre.accounts.length > 0 && !pre.accounts.includes(facts.account)) {
    return `pre-approval does not cover account ${facts.account}`;
  }
  return undefined;
}
