// The Azure stack's typed config: the checks every Pulumi stack shares (checkStackConfig)
// plus the Azure-only ones. Every problem names its field and is raised here, before the
// program declares a single resource.

import {
  ConfigValidationError,
  checkStackConfig,
  type ExtensionConfig,
  readDeploymentFile as readStackFile,
  type Schedule,
} from '@escher/shared';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SUPPORTED_LOCATIONS } from './locations.js';
import { type Recurrence, toRecurrence } from './recurrence.js';
import { DUE_TICK, DUE_TRIGGER_VALUE, jobTriggerValue, REPORT_TRIGGER_VALUE } from './triggers.js';

/** Stack settings that are not part of the shared file (Pulumi config `escher:*`). */
export const AzureStackOptionsSchema = z.object({
  /** The runner's container group has no VNet, so it reaches the vault over its public endpoint. */
  keyVaultPublicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  cpu: z.number().positive().max(4).default(1),
  memoryGb: z.number().positive().max(16).default(2),
});
export type AzureStackOptions = z.infer<typeof AzureStackOptionsSchema>;

export interface ScheduledRun {
  /** `job:<name>`, `report` or `due`; also the workflow's name suffix. */
  label: string;
  trigger: string;
  recurrence: Recurrence;
}

export interface AzureStackConfig {
  /** The full shared config, passed to the runner as ESCHER_CONFIG. */
  extension: ExtensionConfig;
  subscriptionId: string;
  location: string;
  resourceGroup: string;
  image: string;
  options: AzureStackOptions;
  schedules: ScheduledRun[];
}

function recurrenceAt(schedule: Schedule, field: string, problems: string[]): Recurrence | undefined {
  try {
    return toRecurrence(schedule);
  } catch (error) {
    const part = error instanceof Error && error.name === 'UnsupportedTimeZoneError' ? 'timezone' : 'cron';
    problems.push(`${field}.${part}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export function parseAzureStackConfig(raw: unknown, rawOptions: unknown = {}): AzureStackConfig {
  const { extension, problems, image, options } = checkStackConfig(raw, rawOptions, {
    cloud: 'azure',
    stack: 'Azure',
    imageUse: 'the container groups run (e.g. ghcr.io/org/escher:1.0)',
    options: AzureStackOptionsSchema,
    sectionProblems: ({ azure }) =>
      !azure
        ? ['azure: the Azure stack needs subscription_id and location']
        : SUPPORTED_LOCATIONS.includes(azure.location)
          ? []
          : [
              `azure.location: "${azure.location}" is not supported; use one of ${SUPPORTED_LOCATIONS.join(', ')}`,
            ],
  });
  const schedules: ScheduledRun[] = [];
  extension.jobs.forEach((job, i) => {
    const recurrence = recurrenceAt(job.schedule, `jobs.${i}.schedule`, problems);
    if (recurrence)
      schedules.push({ label: `job:${job.name}`, trigger: jobTriggerValue(job.name), recurrence });
  });
  const report = recurrenceAt(extension.report, 'report', problems);
  if (report) schedules.push({ label: 'report', trigger: REPORT_TRIGGER_VALUE, recurrence: report });
  // Without jobs nothing can be delayed, and a container every 15 minutes would cost for nothing.
  if (extension.jobs.length > 0)
    schedules.push({ label: 'due', trigger: DUE_TRIGGER_VALUE, recurrence: toRecurrence(DUE_TICK) });

  const azure = extension.azure;
  if (problems.length > 0 || !azure || !image || !options) throw new ConfigValidationError(problems);
  return {
    extension,
    subscriptionId: azure.subscription_id,
    location: azure.location,
    resourceGroup: azure.resource_group ?? `${extension.name}-rg`,
    image,
    options,
    schedules,
  };
}

/** Reads the deployment file (YAML or JSON, which YAML includes); an unreadable file names itself. */
export const readDeploymentFile = (path: string): unknown => readStackFile(path, parseYaml);
