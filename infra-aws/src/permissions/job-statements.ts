// Permissions for the scheduled jobs in the config: only the start/stop calls their
// actions need, on their resource types and regions, and limited by the job's tag
// selector where IAM can express it (plain "key=value" terms joined by AND / AND NOT).

import type { JobAction, JobSpec } from '@escher/shared';
import { type ArnScope, type StatementSpec, toSid } from './statement.js';

type ResourceType = JobSpec['selector']['resource_types'][number];

/** The AWS call each job action makes per resource type; "deallocate" exists only on Azure. */
const JOB_ACTIONS: Record<ResourceType, Partial<Record<JobAction, string>>> = {
  compute_instance: { stop: 'ec2:StopInstances', start: 'ec2:StartInstances', hibernate: 'ec2:StopInstances' },
  database_instance: { stop: 'rds:StopDBInstance', start: 'rds:StartDBInstance' },
};

const RESOURCE_ARN: Record<ResourceType, (scope: ArnScope, region: string) => string> = {
  compute_instance: ({ partition, account }, region) => `arn:${partition}:ec2:${region}:${account}:instance/*`,
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
 * (OR, parentheses, wildcards); the runner's own selector check still applies then.
 */
export function tagConditions(expression: string): StatementSpec['conditions'] | undefined {
  const terms = expression.trim().split(/\s+AND\s+/i);
  const equals: Record<string, string> = {};
  const notEquals: Record<string, string> = {};
  for (const term of terms) {
    const match = /^(NOT\s+)?([^\s=()*]+)=([^\s=()*]+)$/i.exec(term.trim());
    if (!match?.[2] || !match[3]) return undefined;
    (match[1] ? notEquals : equals)[`aws:ResourceTag/${match[2]}`] = match[3];
  }
  return {
    ...(Object.keys(equals).length > 0 ? { StringEquals: equals } : {}),
    ...(Object.keys(notEquals).length > 0 ? { StringNotEquals: notEquals } : {}),
  };
}
