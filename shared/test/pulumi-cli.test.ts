import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PULUMI_MISSING, pulumi, requirePulumi } from '../src/deploy/pulumi-cli.js';

describe('Pulumi CLI wrapper', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells the user how to install and log in when pulumi is not on PATH', () => {
    vi.stubEnv('PATH', mkdtempSync(join(tmpdir(), 'no-pulumi-')));
    expect(() => requirePulumi()).toThrow(PULUMI_MISSING);
    expect(() => pulumi(['stack', 'output', 'stateStoreUrl'], true)).toThrow(
      'pulumi stack output stateStoreUrl failed (exit null)',
    );
  });
});
