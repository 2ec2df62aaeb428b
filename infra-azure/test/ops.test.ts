import { PULUMI_MISSING } from '@escher/shared';
import { runWithoutPulumi } from '@escher/shared/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The export-then-destroy logic is shared and specified in shared/test; here only that this
// package's scripts run it: without a Pulumi CLI each one stops with the shared message.
const scripts = {
  deploy: () => import('../src/ops/deploy.js'),
  destroy: () => import('../src/ops/destroy.js'),
};

describe('deploy and destroy scripts', () => {
  afterEach(() => vi.resetModules());

  it.each(['deploy', 'destroy'] as const)(
    '%s stops with exit 1 when pulumi is not on PATH',
    async (script) => {
      expect(await runWithoutPulumi(scripts[script])).toEqual({
        exitCode: 1,
        errors: [`escher: ${PULUMI_MISSING}`],
      });
    },
  );
});
