// The GCP stack's typed config: the shared deployment file (parseExtensionConfig) plus the
// GCP-only checks. Every problem names its field and is raised here, before the program
// declares a single resource.

import { readFileSync } from 'node:fs';
import { ConfigValidationError, type ExtensionConfig, parseExtensionConfig } from '@escher/shared';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SUPPORTED_REGIONS } from './regions.js';
import { schedulerCronProblem } from './scheduler-cron.js';

/** Stack settings that are not part of the shared file (Pulumi config `escher:*`). */
export const GcpStackOptionsSchema = z.object({
  cpu: z.enum(['1', '2', '4']).default('1'),
  memory: z
    .string()
    .regex(/^\d+(Mi|Gi)$/, 'must be like 512Mi or 2Gi')
    .default('1Gi'),
  maxInstances: z.number().int().min(1).max(100).default(3),
  /**
   * Pub/Sub push reaches an internal-only service only inside a VPC Service Controls
   * perimeter, so the default is all ingress; IAM (invoker account only) guards either way.
   */
  eventsIngress: z
    .enum(['INGRESS_TRAFFIC_ALL', 'INGRESS_TRAFFIC_INTERNAL_ONLY'])
    .default('INGRESS_TRAFFIC_ALL'),
  /** Locking makes the audit retention irreversible (and the bucket undeletable until it ends). */
  lockAuditRetention: z.boolean().default(false),
});
export type GcpStackOptions = z.infer<typeof GcpStackOptionsSchema>;

export interface GcpStackConfig {
  /** The full shared config, passed to the runner as ESCHER_CONFIG. */
  extension: ExtensionConfig;
  project: string;
  region: string;
  image: string;
  options: GcpStackOptions;
}

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

export function parseGcpStackConfig(raw: unknown, rawOptions: unknown = {}): GcpStackConfig {
  const extension = parseExtensionConfig(raw);
  const problems: string[] = [];
  if (extension.home_cloud !== 'gcp') {
    problems.push(
      `home_cloud: is "${extension.home_cloud}"; the GCP stack deploys a config whose home_cloud is gcp`,
    );
  }
  const gcp = extension.gcp;
  if (!gcp) problems.push('gcp: the GCP stack needs project and region');
  if (gcp && !PROJECT_ID.test(gcp.project)) {
    problems.push(
      `gcp.project: "${gcp.project}" is not a project id (6-30 lowercase letters, digits, dashes)`,
    );
  }
  if (gcp && !SUPPORTED_REGIONS.includes(gcp.region)) {
    problems.push(`gcp.region: "${gcp.region}" is not supported; use one of ${SUPPORTED_REGIONS.join(', ')}`);
  }
  if (!extension.image)
    problems.push('image: name the runner image Cloud Run runs (e.g. europe-docker.pkg.dev/p/r/escher:1.0)');
  const schedules = [
    ...extension.jobs.map((job, i) => ({ field: `jobs.${i}.schedule.cron`, cron: job.schedule.cron })),
    { field: 'report.cron', cron: extension.report.cron },
  ];
  for (const { field, cron } of schedules) {
    const problem = schedulerCronProblem(cron);
    if (problem) problems.push(`${field}: ${problem}`);
  }
  const options = GcpStackOptionsSchema.safeParse(rawOptions);
  if (!options.success) {
    for (const issue of options.error.issues)
      problems.push(`escher:${issue.path.join('.')}: ${issue.message}`);
  }
  if (problems.length > 0 || !gcp || !extension.image || !options.success)
    throw new ConfigValidationError(problems);
  return {
    extension,
    project: gcp.project,
    region: gcp.region,
    image: extension.image,
    options: options.data,
  };
}

/** Reads the deployment file (YAML or JSON, which YAML includes); an unreadable file names itself. */
export function readDeploymentFile(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ConfigValidationError([`escher:configFile: cannot read ${path}: ${reason}`]);
  }
}
