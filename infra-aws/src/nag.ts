// cdk-nag acknowledgements, always on the resource they concern and always with a reason.

import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { StatementSpec } from './permissions/statement.js';

/** Acknowledges exact rule ids (or "Rule[finding]" ids) on one construct and its children. */
export function acknowledge(scope: IConstruct, reason: string, ...ruleIds: string[]): void {
  for (const id of ruleIds) Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges AwsSolutions-IAM5 for each wildcard resource of the statements, with the
 * statement's own `why`. A wildcard without a `why` stays unacknowledged and fails synth.
 */
export function acknowledgeWildcards(scope: IConstruct, statements: readonly StatementSpec[]): void {
  const stack = Stack.of(scope);
  for (const spec of statements) {
    if (!spec.why) continue;
    for (const resource of spec.resources.filter((r) => r.includes('*'))) {
      acknowledge(scope, spec.why, `AwsSolutions-IAM5[Resource::${nagText(stack.resolve(resource))}]`);
    }
  }
}

/** Renders a resolved value the way cdk-nag names findings: Ref as <X>, GetAtt as <X.Attr>. */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return `<${v.Ref}>`;
  if (Array.isArray(v['Fn::GetAtt'])) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(nagText).join(separator);
  }
  return JSON.stringify(value);
}
