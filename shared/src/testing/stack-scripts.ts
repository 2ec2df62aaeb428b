// The suite every Pulumi stack package runs over its deploy and destroy scripts. The
// export-then-destroy logic itself is specified in shared/test; a stack only shows that its
// scripts run it. Each passes its own imports, as their paths are relative to the package.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { PULUMI_MISSING } from '../deploy/pulumi-cli.js';
import { runWithoutPulumi } from './script-runs.js';

export type StackScripts = Record<'deploy' | 'destroy', () => Promise<unknown>>;

export function describeStackScripts(scripts: StackScripts): void {
  describe('deploy and destroy scripts', () => {
    // Each script acts on import, so every run needs a fresh module.
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
}
