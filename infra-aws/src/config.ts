// Reads the deployment config (escher.config.yaml or .json) and adds the checks only the
// AWS stack needs. Every failure names the field, so `cdk synth` tells the user what to fix.
// Unknown remediations, bad time zones and malformed crons are refused by the shared schema.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ConfigValidationError, type ExtensionConfig, parseExtensionConfig } from '@escher/shared';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { parse as parseYaml } from 'yaml';
import { parseEcrImage } from './ecr-image.js';
import { toSchedulerCron } from './schedule-expression.js';

/** A validated config whose AWS section is present and deployable. */
export type AwsDeploymentConfig = ExtensionConfig & { aws: { account: string; region: string } };

/** Regions CDK knows the service facts of; a typo like "eu-centrall-1" must not reach CloudFormation. */
export const AWS_REGIONS: readonly string[] = RegionInfo.regions.map((r) => r.name);

export function loadConfigFile(path: string): AwsDeploymentConfig {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new ConfigValidationError([`(file): cannot read ${path}: ${(cause as Error).message}`]);
  }
  return toAwsDeploymentConfig(raw);
}

/** The shared schema first, then what only AWS cares about; all problems in one error. */
export function toAwsDeploymentConfig(raw: unknown): AwsDeploymentConfig {
  const cfg = parseExtensionConfig(raw);
  const problems = awsProblems(cfg);
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return cfg as AwsDeploymentConfig;
}

function awsProblems(cfg: ExtensionConfig): string[] {
  const problems: string[] = [];
  if (cfg.home_cloud !== 'aws') {
    problems.push(
      `home_cloud: the AWS stack deploys only a config whose home_cloud is aws, not ${cfg.home_cloud}`,
    );
  }
  if (!cfg.aws) {
    problems.push('aws: the AWS stack needs an aws section with account and region');
  } else if (!AWS_REGIONS.includes(cfg.aws.region)) {
    problems.push(`aws.region: unknown AWS region "${cfg.aws.region}" (e.g. us-east-1, eu-central-1)`);
  }
  if (cfg.image !== undefined && !parseEcrImage(cfg.image)) {
    problems.push(
      `image: "${cfg.image}" is not an ECR image URI like 123456789012.dkr.ecr.eu-central-1.amazonaws.com/escher:1.0`,
    );
  }
  cfg.jobs.forEach((job, i) => {
    const problem = schedulerCronProblem(job.schedule.cron);
    if (problem) problems.push(`jobs.${i}.schedule.cron: ${problem}`);
  });
  const reportProblem = schedulerCronProblem(cfg.report.cron);
  if (reportProblem) problems.push(`report.cron: ${reportProblem}`);
  return problems;
}

function schedulerCronProblem(cron: string): string | undefined {
  try {
    toSchedulerCron(cron);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
