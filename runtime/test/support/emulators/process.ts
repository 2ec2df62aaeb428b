// Plumbing the launchers share: free loopback ports, the project's own tool folder,
// child processes that die with their parent, and readiness polling.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository's git-ignored tool folder, filled by runtime/scripts/install-emulators.sh. */
export const TOOLS_BIN = fileURLToPath(new URL('../../../../.tools/bin/', import.meta.url));

export function toolPath(name: string): string {
  const path = `${TOOLS_BIN}${name}`;
  if (!existsSync(path)) {
    throw new Error(
      `emulator tool ${name} is not installed in .tools/bin; run "make setup" (runtime/scripts/install-emulators.sh)`,
    );
  }
  return path;
}

/** A port the kernel just handed out on 127.0.0.1, released again for the emulator to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();
let armed = false;

/** A crashed or interrupted run must not leave emulators behind; armed by the first start. */
function killChildrenOnExit(): void {
  if (armed) return;
  armed = true;
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}

export interface StartedProcess {
  child: ChildProcess;
  /** The last lines the process printed, for a useful error when it fails to start. */
  output(): string;
  stop(): Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): StartedProcess {
  killChildrenOnExit();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => tail,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until any HTTP answer arrives; fails with the process output after `timeoutMs`. */
export async function waitForHttp(
  name: string,
  url: string,
  proc: StartedProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${name} exited with status ${proc.child.exitCode} while starting:\n${proc.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await sleep(100);
    }
  }
  await proc.stop();
  throw new Error(`${name} did not answer on ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}
