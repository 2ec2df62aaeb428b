// The GCP stack's typed config: the checks every Pulumi stack shares (checkStackConfig) plus
// the GCP-only ones. Every problem names its field and is raised here, before the program
// declares a single resource.

import {
  ConfigValidationError,
  checkStackConfig,
  type ExtensionConfig,
  readDeploymentFile as readStackFile,
} from '@escher/shared';
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
  const { extension, problems, image, options } = checkStackConfig(raw, rawOptions, {
    cloud: 'gcp',
    stack: 'GCP',
    imageUse: 'Cloud Run runs (e.g. europe-docker.pkg.dev/p/r/escher:1.0)',
    options: GcpStackOptionsSchema,
    sectionProblems: ({ gcp }) => {
      if (!gcp) return ['gcp: the GCP stack needs project and region'];
      const found: string[] = [];
      if (!PROJECT_ID.test(gcp.project))
        found.push(
          `gcp.project: "${gcp.project}" is not a project id (6-30 lowercase letters, digits, dashes)`,
        );
      if (!SUPPORTED_REGIONS.includes(gcp.region))
        found.push(
          `gcp.region: "${gcp.region}" is not supported; use one of ${SUPPORTED_REGIONS.join(', ')}`,
        );
      return found;
    },
  });
  const schedules = [
    ...extension.jobs.map((job, i) => ({ field: `jobs.${i}.schedule.cron`, cron: job.schedule.cron })),
    { field: 'report.cron', cron: extension.report.cron },
  ];
  for (const { field, cron } of schedules) {
    const problem = schedulerCronProblem(cron);
    if (problem) problems.push(`${field}: ${problem}`);
  }
  const gcp = extension.gcp;
  if (problems.length > 0 || !gcp || !image || !options) throw new ConfigValidationError(problems);
  return { extension, project: gcp.project, region: gcp.region, image, options };
}

/** Reads the deployment file (YAML or JSON, which YAML includes); an unreadable file names itself. */
export const readDeploymentFile = (path: string): unknown => readStackFile(path, parseYaml);
