// Reading JobSpecs and templates from files (JSON or YAML), refused with the field named.

import { type JobSpec, type JobTemplate, JobTemplateSchema, jobSpecProblems } from '@escher/shared';
import { parse as parseYaml } from 'yaml';
import { JobSpecError } from './errors.js';

export function parseSpecText(text: string, where: string): unknown {
  try {
    return parseYaml(text);
  } catch (cause) {
    throw new JobSpecError(`${where} is neither YAML nor JSON`, { cause });
  }
}

export function parseJobSpec(raw: unknown, where: string): JobSpec {
  const { spec, problems } = jobSpecProblems(raw);
  if (spec) return spec;
  throw new JobSpecError(`${where}: invalid job spec: ${problems.join('; ')}`, {
    hint: 'fix the named fields; nothing was run',
    details: { problems },
  });
}

export function isTemplate(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'parameters' in raw && 'spec' in raw;
}

export function parseJobTemplate(raw: unknown, where: string): JobTemplate {
  const result = JobTemplateSchema.safeParse(raw);
  if (result.success) {
    // The spec must be a valid job once its placeholders are filled; checked when it is run.
    return result.data;
  }
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new JobSpecError(`${where}: invalid job template: ${problems.join('; ')}`, { details: { problems } });
}
