// Permissions for the scheduled jobs in the config: only the start/stop calls their
// actions need, on their resource types and regions, and limited by the job's tag
// selector where IAM can express it (conjunctions of =, != and bare keys, negated or not).

import { type JobAction, type JobSpec, parseTagExpression, type TagExpression } from '@escher/shared';
import { type ArnScope, type StatementSpec, toSid } from './statement.js';

type ResourceType = JobSpec['selector']['resource_types'][number];

/** The AWS call each job action makes per resource type; "deallocate" exists only on Azure. */
const JOB_ACTIONS: Record<ResourceType, Partial<Record<JobAction, string>>> = {
  compute_instance: {
    stop: 'ec2:StopInstances',
    start: 'ec2:StartInstances',
    hibernate: 'ec2:StopInstances',
  },
  database_instance: { stop: 'rds:StopDBInstance', start: 'rds:StartDBInstance' },
};

const RESOURCE_ARN: Record<ResourceType, (scope: ArnScope, region: string) => string> = {
  compute_instance: ({ partition, account }, region) =>
    `arn:${partition}:ec2:${region}:${account}:instance/*`,
  database_instance: ({ partition, account }, region) => `arn:${partition}:rds:${region}:${account}:db:*`,
};

export function jobStatements(jobs: readonly JobSpec[], scope: ArnScope): StatementSpec[] {
  const statements: StatementSpec[] = [];
  for (const job of jobs) {
    if (!job.selector.clouds.includes('aws')) continue;
    const regions = job.selector.regions.length > 0 ? job.selector.regions : ['*'];
    const conditions = tagConditions(job.selector.tags);
    for (const type of job.selector.resource_types) {
      const action = JOB_ACTIONS[type][job.action];
      if (!action) continue;
      statements.push({
        sid: `Job${toSid(job.name)}${toSid(type)}`,
        actions: [action],
        resources: regions.map((region) => RESOURCE_ARN[type](scope, region)),
        ...(conditions ? { conditions } : {}),
        why: `job ${job.name} acts on the ${type}s its selector matches at run time${conditions ? ', limited by their tags' : ''}`,
      });
    }
  }
  return statements;
}

/**
 * IAM conditions equivalent to a tag expression, or undefined when IAM cannot express it
 * (OR, or a key tested twice the same way); the runner's own tag check still applies then.
 * Negations match IAM's: a missing tag satisfies StringNotEquals, as it satisfies `!=` here.
 */
export function tagConditions(expression: string): StatementSpec['conditions'] | undefined {
  const conditions: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string): boolean => {
    const block = conditions[operator] ?? {};
    conditions[operator] = block;
    const name = `aws:ResourceTag/${key}`;
    if (name in block) return false;
    block[name] = value;
    return true;
  };
  const collect = (node: TagExpression, negated: boolean): boolean => {
    switch (node.kind) {
      case 'eq':
        return add(negated ? 'StringNotEquals' : 'StringEquals', node.key, node.value);
      case 'ne':
        return add(negated ? 'StringEquals' : 'StringNotEquals', node.key, node.value);
      case 'has':
        return add('Null', node.key, negated ? 'true' : 'false');
      case 'not':
        return collect(node.operand, !negated);
      case 'and':
        return !negated && collect(node.left, false) && collect(node.right, false);
      case 'or':
        return false;
    }
  };
  return collect(parseTagExpression(expression), false) ? conditions : undefined;
}
