// `cdk synth` through the real CLI and bin/app.ts, with no AWS credentials and no network
// use: the stacks need no context lookups, so synth works offline on a clean clone.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BASE_CONFIG, synthesize } from './support/synth.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cdkBin = join(packageDir, 'node_modules', '.bin', 'cdk');

function cdkSynth(configPath: string, outdir: string) {
  return new Promise<{ code: number; stderr: string }>((done) => {
    execFile(
      cdkBin,
      [
        'synth',
        '--no-notices',
        '--no-version-reporting',
        '--quiet',
        '-c',
        `config=${configPath}`,
        '-o',
        outdir,
      ],
      {
        cwd: packageDir,
        // Only what the CLI needs: no AWS credentials, profile or region to fall back on.
        env: {
          PATH: process.env.PATH,
          HOME: mkdtempSync(join(tmpdir(), 'escher-home-')),
          CDK_DISABLE_CLI_TELEMETRY: 'true',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
      (err, _stdout, stderr) => done({ code: err ? Number(err.code) : 0, stderr }),
    );
  });
}

describe('cdk synth', () => {
  it('synthesizes both stacks offline from a config file', async () => {
    const work = mkdtempSync(join(tmpdir(), 'escher-synth-'));
    const configPath = join(work, 'escher.config.yaml');
    // A prebuilt image keeps this test independent of container/Dockerfile.
    const image = '123456789012.dkr.ecr.eu-central-1.amazonaws.com/escher-runner:1.0.0';
    writeFileSync(configPath, stringify({ ...BASE_CONFIG, image }));
    const outdir = join(work, 'cdk.out');
    const result = await cdkSynth(configPath, outdir);
    expect(result).toEqual({ code: 0, stderr: expect.any(String) });
    const template = JSON.parse(readFileSync(join(outdir, 'escher-runner.template.json'), 'utf8'));
    expect(template.Resources.RealtimeFunctionC7DAFB5A.Properties.Code.ImageUri).toEqual({
      'Fn::Join': [
        '',
        ['123456789012.dkr.ecr.eu-central-1.', { Ref: 'AWS::URLSuffix' }, '/escher-runner:1.0.0'],
      ],
    });
    expect(existsSync(join(outdir, 'escher-member-access.template.json'))).toBe(true);
  });

  it('fails with a message naming the field when the config is invalid', async () => {
    const work = mkdtempSync(join(tmpdir(), 'escher-synth-bad-'));
    const configPath = join(work, 'escher.config.yaml');
    writeFileSync(
      configPath,
      stringify({ ...BASE_CONFIG, aws: { account: '123456789012', region: 'mars-north-1' } }),
    );
    const result = await cdkSynth(configPath, join(work, 'cdk.out'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('aws.region: unknown AWS region "mars-north-1"');
  });
});

describe('runner image source', () => {
  it('runs a prebuilt ECR image named by the config, pulled from its own account and region', () => {
    const image = `999988887777.dkr.ecr.us-west-2.amazonaws.com/escher/runner@sha256:${'a'.repeat(64)}`;
    const { runner } = synthesize({ ...BASE_CONFIG, image });
    const uri = {
      'Fn::Join': [
        '',
        [
          '999988887777.dkr.ecr.us-west-2.',
          { Ref: 'AWS::URLSuffix' },
          `/escher/runner@sha256:${'a'.repeat(64)}`,
        ],
      ],
    };
    runner.hasResourceProperties('AWS::Lambda::Function', { Code: { ImageUri: uri } });
    runner.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: uri })],
    });
    runner.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
            Effect: 'Allow',
            Resource: {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':ecr:us-west-2:999988887777:repository/escher/runner'],
              ],
            },
          },
        ]),
      },
    });
  });

  it('stages a nested Dockerfile even when the .dockerignore leaves it out', () => {
    const directory = fileURLToPath(new URL('fixtures/nested-context', import.meta.url));
    const { assembly } = synthesize(BASE_CONFIG, { directory, file: 'container/Dockerfile' });
    const manifest = JSON.parse(readFileSync(join(assembly.directory, 'escher-runner.assets.json'), 'utf8'));
    const [image] = Object.values(manifest.dockerImages) as {
      source: { directory: string; dockerFile: string };
    }[];
    const staged = join(assembly.directory, image?.source.directory ?? '');
    expect(image?.source.dockerFile).toBe('container/Dockerfile');
    expect(existsSync(join(staged, 'container/Dockerfile'))).toBe(true);
    expect(existsSync(join(staged, 'app.txt'))).toBe(true);
    expect(existsSync(join(staged, 'notes.txt'))).toBe(false);
  });

  it('names the missing Dockerfile and the alternative', () => {
    expect(() => synthesize(BASE_CONFIG, { directory: tmpdir(), file: 'container/Dockerfile' })).toThrow(
      /image: container\/Dockerfile not found in .*; .*or set image: <ECR image URI> in the config/,
    );
  });
});
