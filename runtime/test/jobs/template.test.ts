import { instantiateTemplate, JobTemplateSchema, TemplateParameterError } from '@escher/shared';
import { describe, expect, it } from 'vitest';

const template = JobTemplateSchema.parse({
  name: 'stop-team-dev',
  owner: 'manager@example.com',
  parameters: {
    team: { type: 'enum', values: ['web', 'data'] },
    max: { type: 'integer', min: 1, max: 50, default: 10 },
  },
  spec: {
    name: 'stop-{{team}}-dev',
    schedule: { cron: '0 20 * * *', timezone: 'UTC' },
    action: 'stop',
    selector: { resource_types: ['compute_instance'], tags: 'env=dev AND team={{team}}' },
    guardrails: { max_targets: '{{max}}' },
  },
});

describe('job templates', () => {
  it('instantiates a job with typed, bounded values and defaults', () => {
    const spec = instantiateTemplate(template, { team: 'web' });
    expect(spec.name).toBe('stop-web-dev');
    expect(spec.selector.tags).toBe('env=dev AND team=web');
    expect(spec.guardrails.max_targets).toBe(10);
    expect(instantiateTemplate(template, { team: 'data', max: '50' }).guardrails.max_targets).toBe(50);
  });

  it('refuses an integer outside its bound, naming the bound', () => {
    expect(() => instantiateTemplate(template, { team: 'web', max: '51' })).toThrow(
      'parameter "max": 51 is outside the bound 1..50',
    );
  });

  it('refuses a value outside an enum, naming the allowed values', () => {
    expect(() => instantiateTemplate(template, { team: 'ops' })).toThrow(
      'parameter "team": "ops" is not one of web, data',
    );
  });

  it('refuses unknown and missing parameters', () => {
    expect(() => instantiateTemplate(template, { team: 'web', region: 'x' })).toThrow(TemplateParameterError);
    expect(() => instantiateTemplate(template, { team: 'web', region: 'x' })).toThrow(
      'parameter "region": unknown; template "stop-team-dev" takes team, max',
    );
    expect(() => instantiateTemplate(template, {})).toThrow('parameter "team": is required');
  });
});
