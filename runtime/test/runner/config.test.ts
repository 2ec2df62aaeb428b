import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/errors.js';
import { loadDeploymentConfig } from '../../src/runner/config.js';

const dir = mkdtempSync(join(tmpdir(), 'escher-config-test-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const load = (env: Record<string, string>) => loadDeploymentConfig(loadRuntimeEnv(env));

describe('loadDeploymentConfig', () => {
  it('reads ESCHER_CONFIG as JSON', async () => {
    const config = await load({
      ESCHER_CONFIG: JSON.stringify({
        home_cloud: 'aws',
        aws: { account: '123456789012', region: 'eu-west-1' },
        remediations: ['aws.s3.block_public_access'],
      }),
    });
    expect(config?.aws).toEqual({ account: '123456789012', region: 'eu-west-1' });
    expect(config?.remediations).toEqual(['aws.s3.block_public_access']);
  });

  it('reads a YAML file named by ESCHER_CONFIG_FILE', async () => {
    const path = file(
      'escher.config.yaml',
      'home_cloud: aws\naws:\n  account: "123456789012"\n  region: us-east-1\nremediations:\n  - aws.s3.block_public_access\n',
    );
    const config = await load({ ESCHER_CONFIG_FILE: path });
    expect(config?.home_cloud).toBe('aws');
    expect(config?.aws?.region).toBe('us-east-1');
    expect(config?.remediations).toEqual(['aws.s3.block_public_access']);
  });

  it('names a config file that is not YAML', async () => {
    const path = file('broken.yaml', 'home_cloud: [aws\n');
    await expect(load({ ESCHER_CONFIG_FILE: path })).rejects.toThrow(`${path} is neither YAML nor JSON`);
  });

  it('names the field of a config that does not validate', async () => {
    const loading = load({ ESCHER_CONFIG: '{"home_cloud":"mars"}' });
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/^ESCHER_CONFIG: .*home_cloud/);
  });

  it('is undefined without either variable: nothing is deployed', async () => {
    expect(await load({})).toBeUndefined();
  });
});
