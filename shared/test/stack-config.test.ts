import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkStackConfig, readDeploymentFile } from '../src/deploy/stack-config.js';
import { configProblems } from '../src/testing/config-problems.js';

const SPEC = {
  cloud: 'gcp' as const,
  stack: 'GCP',
  imageUse: 'Cloud Run runs (e.g. europe-docker.pkg.dev/p/r/escher:1.0)',
  options: z.object({ maxInstances: z.number().int().min(1).default(3) }),
  sectionProblems: ({ gcp }: { gcp?: unknown }) =>
    gcp ? [] : ['gcp: the GCP stack needs project and region'],
};
const GCP = { home_cloud: 'gcp', gcp: { project: 'acme-prod-42', region: 'europe-west1' } };

describe('checkStackConfig', () => {
  it('returns the parsed file, the image and the options with their defaults, and no problem', () => {
    const base = checkStackConfig({ ...GCP, image: 'europe-docker.pkg.dev/p/r/escher:1.0' }, {}, SPEC);
    expect(base.problems).toEqual([]);
    expect(base.image).toBe('europe-docker.pkg.dev/p/r/escher:1.0');
    expect(base.options).toEqual({ maxInstances: 3 });
    expect(base.extension.name).toBe('escher');
  });

  it('lists home cloud, section, image and option problems in that order', () => {
    const base = checkStackConfig(
      { home_cloud: 'aws', aws: { account: '123456789012', region: 'eu-central-1' } },
      { maxInstances: 0 },
      SPEC,
    );
    expect(base.problems).toEqual([
      'home_cloud: is "aws"; the GCP stack deploys a config whose home_cloud is gcp',
      'gcp: the GCP stack needs project and region',
      'image: name the runner image Cloud Run runs (e.g. europe-docker.pkg.dev/p/r/escher:1.0)',
      'escher:maxInstances: Too small: expected number to be >=1',
    ]);
    expect([base.image, base.options]).toEqual([undefined, undefined]);
  });

  it('lets the shared schema refuse a wrong field first', () => {
    expect(configProblems(() => checkStackConfig({ ...GCP, name: 'Bad Name' }, {}, SPEC))).toEqual([
      'name: must be 2-21 lowercase letters, digits, dashes',
    ]);
  });
});

describe('readDeploymentFile', () => {
  it('parses the file with the parser it is given', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'escher-config-')), 'escher.config.json');
    writeFileSync(file, '{"home_cloud":"gcp"}');
    expect(readDeploymentFile(file, JSON.parse)).toEqual({ home_cloud: 'gcp' });
  });

  it('names the file it cannot read', () => {
    expect(() => readDeploymentFile('/nonexistent/escher.config.yaml', JSON.parse)).toThrow(
      /^invalid Escher config: escher:configFile: cannot read \/nonexistent\/escher\.config\.yaml: ENOENT/,
    );
  });

  it('names a file its parser refuses, with the first line of the reason', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'escher-config-')), 'escher.config.json');
    writeFileSync(file, '{"jobs": [unclosed');
    expect(() => readDeploymentFile(file, JSON.parse)).toThrow(`escher:configFile: cannot read ${file}: `);
  });
});
