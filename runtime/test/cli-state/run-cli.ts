// Runs the built `escher` CLI as a real child process (tests need `tsc -b` first).

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ESCHER_BIN = fileURLToPath(new URL('../../bin/escher.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESCHER_BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** NDJSON of `count` cloud_estate records with ids `${prefix}-${i}` and realistic payloads. */
export function estateNdjson(prefix: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        id: `${prefix}-${i}`,
        payload: {
          cloud_provider: ['aws', 'azure', 'gcp'][i % 3],
          resource_type: 'compute_instance',
          account_id: '123456789012',
          region: 'eu-west-1',
          state: i % 2 ? 'running' : 'stopped',
          tags: { env: i % 4 ? 'dev' : 'prod', writer: prefix },
          encrypted_data: `meta-${prefix}-${i}`,
        },
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
