import { jobSpecJsonSchema, jobSpecProblems } from '@escher/shared';
import { describe, expect, it } from 'vitest';

const valid = {
  name: 'dev-nightly-stop',
  schedule: { cron: '0 20 * * 1-5', timezone: 'Europe/Berlin' },
  action: 'stop',
  selector: { resource_types: ['compute_instance'], tags: 'env=dev AND NOT escher:skip=true' },
};

// biome-ignore lint/suspicious/noExplicitAny: each case breaks the spec in its own way
type Loose = any;
const withChange = (change: (spec: Loose) => void) => {
  const spec = structuredClone(valid) as Loose;
  change(spec);
  return jobSpecProblems(spec).problems;
};

describe('JobSpecSchema', () => {
  it('accepts a valid spec and fills guardrail defaults', () => {
    const { spec, problems } = jobSpecProblems(valid);
    expect(problems).toEqual([]);
    expect(spec?.guardrails).toEqual({ max_targets: 500, max_fleet_fraction: 1, allow_production: false });
    expect(spec?.dry_run).toBe(false);
  });

  it('names schedule.cron when the cron is invalid', () => {
    const problems = withChange((s) => {
      s.schedule.cron = '0 25 * * *';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      'schedule.cron: invalid cron "0 25 * * *": CronPattern: Invalid value for hour: 25',
    );
  });

  it('names schedule.cron when the cron has the wrong number of fields', () => {
    expect(
      withChange((s) => {
        s.schedule.cron = '0 0 20 * * *';
      }),
    ).toEqual([
      'schedule.cron: must be a 5-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 20 * * 1-5"; "0 0 20 * * *" has 6',
    ]);
  });

  it('names schedule.timezone when the zone is unknown', () => {
    expect(
      withChange((s) => {
        s.schedule.timezone = 'Mars/Olympus';
      }),
    ).toEqual(['schedule.timezone: must be an IANA time zone, e.g. "Europe/Berlin"']);
  });

  it('names selector.tags when the selector is empty', () => {
    expect(
      withChange((s) => {
        s.selector.tags = '';
      }),
    ).toEqual(['selector.tags: must not be empty: name the tags to select, e.g. "env=dev"']);
  });

  it('names selector when there is no selector at all', () => {
    expect(
      withChange((s) => {
        delete s.selector;
      }),
    ).toEqual(['selector: Invalid input: expected object, received undefined']);
  });

  it('names selector.tags with the position of a tag-expression error', () => {
    expect(
      withChange((s) => {
        s.selector.tags = 'env=dev AND (team=a';
      }),
    ).toEqual(['selector.tags: invalid tag expression: expected ")" at position 19']);
  });

  it('names action when no selected cloud supports it for the resource type', () => {
    expect(
      withChange((s) => {
        s.action = 'deallocate';
        s.selector.resource_types = ['database_instance'];
      }),
    ).toEqual(['action: "deallocate" is not supported for database_instance on aws, azure, gcp']);
  });

  it('names action when the action is unknown', () => {
    expect(
      withChange((s) => {
        s.action = 'reboot';
      }),
    ).toEqual(['action: Invalid option: expected one of "stop"|"start"|"deallocate"|"hibernate"']);
  });
});

describe('jobSpecJsonSchema', () => {
  it('exports the fields authors must give and the actions they may choose', () => {
    const schema = jobSpecJsonSchema() as {
      required: string[];
      properties: { action: { enum: string[] } };
    };
    expect(schema.required).toEqual(['name', 'schedule', 'action', 'selector']);
    expect(schema.properties.action.enum).toEqual(['stop', 'start', 'deallocate', 'hibernate']);
  });
});
