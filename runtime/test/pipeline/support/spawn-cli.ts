// Runs the built escher CLI (bin/escher.js, after `tsc -b`) as a child process, as the
// platforms do, and collects its output and fate.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/escher.js', import.meta.url));
const RUNTIME = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliOutcome> {
  return runNode([BIN, ...args], env, stdin);
}

/** Node itself with these arguments, in the runtime package, with only PATH and HOME inherited. */
export function runNode(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<CliOutcome> {
  const child = spawn(process.execPath, args, {
    cwd: RUNTIME,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}
