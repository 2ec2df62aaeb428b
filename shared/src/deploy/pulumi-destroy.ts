// `pnpm destroy:<cloud>` and `pnpm deploy:<cloud>` for the Pulumi stacks. Destroy runs the
// shared export-then-verify step first and destroys only when every collection was copied
// with equal counts; a failed export leaves the stack untouched.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { escherProcess, exportState } from './export-state.js';
import { fail, pulumi, requirePulumi } from './pulumi-cli.js';

/**
 * Reads the stack's store URLs from its outputs, copies the state into a dated directory
 * under ~/.escher/exports (with its own key beside it), then runs `pulumi destroy
 * <extraArgs>`. Exits 1 on any failure.
 */
export async function destroyAfterExport(runnerBin: string, extraArgs: string[]): Promise<void> {
  try {
    requirePulumi();
    const source = {
      store: pulumi(['stack', 'output', 'stateStoreUrl'], true).trim(),
      secrets: pulumi(['stack', 'output', 'secretsUrl'], true).trim(),
    };
    const exportDir = join(homedir(), '.escher', 'exports', new Date().toISOString().replace(/[:.]/g, '-'));
    const result = await exportState(escherProcess(runnerBin), {
      source,
      exportDir,
      target: { secrets: `file://${join(exportDir, 'secrets')}` },
    });
    console.log(`escher: state exported to ${result.target} (${JSON.stringify(result.counts)})`);
    pulumi(['destroy', ...extraArgs]);
  } catch (error) {
    fail(error);
  }
}

/** `pnpm deploy:<cloud>`: checks the CLI and runs `pulumi up <extraArgs>`. Exits 1 on failure. */
export function deployWithPulumi(extraArgs: string[]): void {
  try {
    requirePulumi();
    pulumi(['up', ...extraArgs]);
  } catch (error) {
    fail(error);
  }
}
