// Jobs, templates and snoozes a user adds from the CLI, kept in the state's user_playbooks
// collection (mutable, user-defined automation) next to the jobs of the deployment config.

import {
  type ExtensionConfig,
  type JobSpec,
  JobSpecSchema,
  type JobTemplate,
  JobTemplateSchema,
  type Snooze,
  SnoozeSchema,
} from '@escher/shared';
import type { RunnerState } from '../pipeline/state.js';

const JOB = 'job:';
const TEMPLATE = 'job-template:';
const SNOOZE = 'job-snooze:';

export interface JobStore {
  jobs(): Promise<JobSpec[]>;
  putJob(spec: JobSpec): Promise<void>;
  removeJob(name: string): Promise<boolean>;
  templates(): Promise<JobTemplate[]>;
  putTemplate(template: JobTemplate): Promise<void>;
  snoozes(job?: string): Promise<Snooze[]>;
  addSnooze(snooze: Snooze): Promise<void>;
}

export function stateJobStore(state: RunnerState, config?: ExtensionConfig): JobStore {
  const list = async <T>(prefix: string, parse: (raw: unknown) => T): Promise<T[]> =>
    (await state.listRecords('user_playbooks', prefix)).filter((r) => !r.removed).map(parse);
  return {
    async jobs() {
      const stored = await list(JOB, (r) => JobSpecSchema.parse(r));
      const names = new Set(stored.map((j) => j.name));
      // A job added from the CLI with the name of a config job replaces it on this machine.
      return [...(config?.jobs ?? []).filter((j) => !names.has(j.name)), ...stored];
    },
    putJob: (spec) => state.putRecord('user_playbooks', `${JOB}${spec.name}`, spec),
    async removeJob(name) {
      const id = `${JOB}${name}`;
      if (!(await state.getRecord('user_playbooks', id))) return false;
      // A tombstone payload rather than a delete: RunnerState has no delete, and history stays readable.
      await state.putRecord('user_playbooks', id, { removed: true, name });
      return true;
    },
    templates: () => list(TEMPLATE, (r) => JobTemplateSchema.parse(r)),
    putTemplate: (template) => state.putRecord('user_playbooks', `${TEMPLATE}${template.name}`, template),
    snoozes: (job) => list(`${SNOOZE}${job ? `${job}@` : ''}`, (r) => SnoozeSchema.parse(r)),
    addSnooze: (snooze) =>
      state.putRecord(
        'user_playbooks',
        `${SNOOZE}${snooze.job}@${snooze.run_at}@${snooze.created_at}`,
        snooze,
      ),
  };
}
