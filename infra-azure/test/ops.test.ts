import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PULUMI_MISSING } from '@escher/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The export-then-destroy logic is shared and specified in shared/test; here only that this
// package's scripts run it: without a Pulumi CLI each one stops with the shared message.
const scripts = {
  deploy: () => import('../src/ops/deploy.js'),
  destroy: () => import('../src/ops/destroy.js'),
};

describe('deploy and destroy scripts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it.each(['deploy', 'destroy'] as const)(
    '%s stops with exit 1 when pulumi is not on PATH',
    async (script) => {
      vi.stubEnv('PATH', mkdtempSync(join(tmpdir(), 'no-pulumi-')));
      const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
        throw new Error(`exit ${code}`);
      });
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(scripts[script]()).rejects.toThrow('exit 1');
      expect(exit).toHaveBeenCalledWith(1);
      expect(error).toHaveBeenCalledWith(`escher: ${PULUMI_MISSING}`);
    },
  );
});
