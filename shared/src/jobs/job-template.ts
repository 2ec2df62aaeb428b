// "Extend Me" job templates: a manager defines a job with bounded parameters; an executor
// runs it with values inside those bounds (`escher jobs run TEMPLATE --param k=v`). String
// fields of the spec may name a parameter as "{{name}}": a field that is exactly one
// placeholder takes the parameter's typed value, others get it interpolated as text.

import { z } from 'zod';
import { type JobSpec, JobSpecSchema } from './job-spec.js';

export const TemplateParameterSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('integer'),
    min: z.number().int(),
    max: z.number().int(),
    default: z.number().int().optional(),
    description: z.string().optional(),
  }),
  z.object({
    type: z.literal('enum'),
    values: z.array(z.string().min(1)).min(1),
    default: z.string().optional(),
    description: z.string().optional(),
  }),
]);
export type TemplateParameter = z.infer<typeof TemplateParameterSchema>;

export const JobTemplateSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (at most 63)'),
  description: z.string().optional(),
  /** Who defined it (shown to executors). */
  owner: z.string().optional(),
  parameters: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be snake_case'), TemplateParameterSchema),
  /** A JobSpec whose string fields may contain {{parameter}} placeholders. */
  spec: z.record(z.string(), z.unknown()),
});
export type JobTemplate = z.infer<typeof JobTemplateSchema>;

export class TemplateParameterError extends Error {
  override name = 'TemplateParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`parameter "${parameter}": ${message}`);
  }
}

function checkValue(name: string, param: TemplateParameter, raw: string): number | string {
  if (param.type === 'enum') {
    if (!param.values.includes(raw)) {
      throw new TemplateParameterError(name, `"${raw}" is not one of ${param.values.join(', ')}`);
    }
    return raw;
  }
  if (!/^-?\d+$/.test(raw)) throw new TemplateParameterError(name, `"${raw}" is not an integer`);
  const value = Number(raw);
  if (value < param.min || value > param.max) {
    throw new TemplateParameterError(name, `${value} is outside the bound ${param.min}..${param.max}`);
  }
  return value;
}

/** Checks every value against its bound and fills defaults; unknown or missing parameters are refused. */
export function bindTemplateParameters(
  template: JobTemplate,
  given: Readonly<Record<string, string>>,
): Record<string, number | string> {
  const bound: Record<string, number | string> = {};
  for (const name of Object.keys(given)) {
    if (!template.parameters[name]) {
      throw new TemplateParameterError(
        name,
        `unknown; template "${template.name}" takes ${Object.keys(template.parameters).join(', ') || 'none'}`,
      );
    }
  }
  for (const [name, param] of Object.entries(template.parameters)) {
    const raw = given[name];
    if (raw !== undefined) bound[name] = checkValue(name, param, raw);
    else if (param.default !== undefined) bound[name] = param.default;
    else throw new TemplateParameterError(name, 'is required');
  }
  return bound;
}

function substitute(value: unknown, params: Record<string, number | string>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{(\w+)\}\}$/.exec(value);
    if (whole && whole[1] !== undefined && whole[1] in params) return params[whole[1]];
    return value.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, params));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params)]));
  }
  return value;
}

/** The JobSpec an executor runs: bounded parameters substituted, then validated as any JobSpec. */
export function instantiateTemplate(template: JobTemplate, given: Readonly<Record<string, string>>): JobSpec {
  return JobSpecSchema.parse(substitute(template.spec, bindTemplateParameters(template, given)));
}
