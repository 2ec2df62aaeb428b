// The deploy and destroy commands drive the user's own Pulumi CLI; this checks it is
// there and runs it with the terminal attached, so previews and prompts stay interactive.

import { spawnSync } from 'node:child_process';

export const PULUMI_MISSING =
  'the Pulumi CLI is not on PATH: install it (https://www.pulumi.com/docs/install/), run `pulumi login` ' +
  '(or `pulumi login --local`), sign in to the cloud, then run this command again';

export function requirePulumi(): void {
  const probe = spawnSync('pulumi', ['version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(PULUMI_MISSING);
}

/** Runs `pulumi <args>` in the package directory; returns stdout when captured. */
export function pulumi(args: string[], capture = false): string {
  const result = spawnSync('pulumi', args, {
    stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pulumi ${args.join(' ')} failed (exit ${result.status})`);
  return capture ? result.stdout : '';
}

export function fail(error: unknown): never {
  console.error(`escher: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
