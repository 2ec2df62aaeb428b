import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'escher-jobs-cli-'));
  vi.stubEnv('ESCHER_HOME', dir);
  vi.stubEnv('ESCHER_STORE', `file://${join(dir, 'state')}`);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function escher(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'escher', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const SPEC = `name: dev-nightly-stop
schedule: { cron: "0 20 * * *", timezone: America/New_York }
action: stop
selector: { resource_types: [compute_instance], tags: "env=dev" }
`;

describe('escher jobs next --spec', () => {
  it('prints the next N runs as a JSON array of UTC ISO-8601 instants', async () => {
    const spec = await file('spec.yaml', SPEC);
    const result = await escher(
      'jobs',
      'next',
      '--spec',
      spec,
      '--from',
      '2026-10-30T12:00:00Z',
      '--count',
      '3',
      '--json',
    );
    expect(result).toEqual({
      code: 0,
      out: '["2026-10-31T00:00:00.000Z","2026-11-01T00:00:00.000Z","2026-11-02T01:00:00.000Z"]\n',
      err: '',
    });
  });

  it('reads JSON specs too', async () => {
    const spec = await file(
      'spec.json',
      JSON.stringify({
        name: 'x',
        schedule: { cron: '30 7 * * 1', timezone: 'UTC' },
        action: 'start',
        selector: { resource_types: ['compute_instance'], tags: 'env=dev' },
      }),
    );
    const result = await escher(
      'jobs',
      'next',
      '--spec',
      spec,
      '--from',
      '2026-11-20T00:00:00Z',
      '--count',
      '1',
      '--json',
    );
    expect(result.out).toBe('["2026-11-23T07:30:00.000Z"]\n');
  });

  const bad: [string, string, string][] = [
    ['an invalid cron', SPEC.replace('0 20 * * *', '0 20 * * 9'), 'schedule.cron: invalid cron "0 20 * * 9"'],
    [
      'an unknown time zone',
      SPEC.replace('America/New_York', 'Mars/Olympus'),
      'schedule.timezone: must be an IANA time zone',
    ],
    ['an empty selector', SPEC.replace('tags: "env=dev"', 'tags: ""'), 'selector.tags: must not be empty'],
    [
      'an action the resource type does not support',
      SPEC.replace('action: stop', 'action: deallocate').replace('compute_instance', 'database_instance'),
      'action: "deallocate" is not supported for database_instance on aws, azure, gcp',
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what}, naming the field, with exit status 2`, async () => {
      const spec = await file('bad.yaml', text);
      const result = await escher('jobs', 'next', '--spec', spec, '--json');
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(message);
    });
  }
});

describe('escher jobs with templates', () => {
  it('refuses an out-of-bounds parameter, naming the bound, before anything runs', async () => {
    const template = await file(
      'template.json',
      JSON.stringify({
        name: 'stop-team-dev',
        parameters: { max: { type: 'integer', min: 1, max: 20 } },
        spec: {
          name: 'stop-team-dev',
          schedule: { cron: '0 20 * * *', timezone: 'UTC' },
          action: 'stop',
          selector: { resource_types: ['compute_instance'], tags: 'env=dev' },
          guardrails: { max_targets: '{{max}}' },
        },
      }),
    );
    expect((await escher('jobs', 'add', template)).out).toBe(
      'added template stop-team-dev (parameters: max)\n',
    );
    const result = await escher('jobs', 'run', 'stop-team-dev', '--param', 'max=500');
    expect(result.code).toBe(2);
    expect(result.err).toBe('escher: parameter "max": 500 is outside the bound 1..20 (nothing was run)\n');
  });
});

describe('escher jobs add/list/snooze/remove', () => {
  it('manages a stored job and its snoozes', async () => {
    const spec = await file('spec.yaml', SPEC);
    expect((await escher('jobs', 'add', spec)).code).toBe(0);
    const listed = JSON.parse((await escher('jobs', 'list', '--json')).out) as { jobs: { name: string }[] };
    expect(listed.jobs.map((j) => j.name)).toEqual(['dev-nightly-stop']);
    const snoozed = await escher(
      'jobs',
      'snooze',
      'dev-nightly-stop',
      '--skip',
      '--at',
      '2026-11-01T00:00:00Z',
      '--by',
      'ana',
    );
    expect(snoozed).toEqual({
      code: 0,
      out: 'skipping the run of dev-nightly-stop at 2026-11-01T00:00:00.000Z\n',
      err: '',
    });
    const wrong = await escher(
      'jobs',
      'snooze',
      'dev-nightly-stop',
      '--skip',
      '--at',
      '2026-11-01T01:00:00Z',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--at 2026-11-01T01:00:00.000Z is not a scheduled run of "dev-nightly-stop"');
    expect((await escher('jobs', 'remove', 'dev-nightly-stop')).out).toBe('removed job dev-nightly-stop\n');
    expect(JSON.parse((await escher('jobs', 'list', '--json')).out).jobs).toEqual([]);
  });
});
