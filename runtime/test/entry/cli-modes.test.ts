// The three modes as the image runs them: the built CLI as a child process on the real
// pipeline and a local file store (needs `tsc -b` first).

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ESCHER_BIN, runCli } from '../cli-state/run-cli.js';
import { lambdaRuntimeRoutes, lambdaRuntimeState } from '../contract/lambda-runtime.js';
import { type ContractServer, startContractServer } from '../contract/server.js';

const home = () => mkdtempSync(join(tmpdir(), 'escher-entry-'));
const deadLetters = (dir: string) => readdirSync(join(dir, 'state', 'runner', 'dead-letter'));
let server: ContractServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('escher task', () => {
  it('exits 2 for a trigger that is not JSON and keeps it in the dead-letters', async () => {
    const dir = home();
    const result = await runCli(['task', '--trigger', 'not json'], { ESCHER_HOME: dir });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).status).toBe('bad_input');
    expect(deadLetters(dir)).toHaveLength(1);
  });

  it('reads the trigger from ESCHER_TRIGGER', async () => {
    const dir = home();
    const result = await runCli(['task'], { ESCHER_HOME: dir, ESCHER_TRIGGER: '{"kind":"job","job":""}' });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).items[0].error).toMatch(/^bad trigger: job: Too small/);
  });

  it('exits 2 naming the flag and variable when no trigger is given', async () => {
    const result = await runCli(['task'], { ESCHER_HOME: home() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('escher: no trigger given (pass --trigger JSON or set ESCHER_TRIGGER');
  });
});

describe('escher lambda', () => {
  it('serves invocations from the Runtime API and posts each result', async () => {
    const state = lambdaRuntimeState([{ kind: 'job', job: '' }]);
    server = await startContractServer({ routes: lambdaRuntimeRoutes(state) });
    const result = await runCli(['lambda'], {
      ESCHER_HOME: home(),
      AWS_LAMBDA_RUNTIME_API: server.url.replace('http://', ''),
    });
    // The contract server ends the session with a 500 on the next poll; the runtime then exits.
    expect(result.code).toBe(1);
    expect((state.responses.get('req-1') as { status: string }).status).toBe('bad_input');
  });

  it('refuses to start outside Lambda', async () => {
    const result = await runCli(['lambda'], { ESCHER_HOME: home() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('AWS_LAMBDA_RUNTIME_API is not set');
  });
});

describe('escher serve', () => {
  it('listens on --port, checks the shared secret from the secret store, and stops on SIGTERM', async () => {
    const dir = home();
    const secrets = mkdtempSync(join(tmpdir(), 'escher-secrets-'));
    writeFileSync(
      join(secrets, 'secrets.json'),
      JSON.stringify({ 'escher/webhook/shared_secret': 'serve-secret-5a1e' }),
      { mode: 0o600 },
    );
    const child = spawn(process.execPath, [ESCHER_BIN, 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', ESCHER_HOME: dir, ESCHER_SECRETS: `file://${secrets}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
        const match = /"url":"(http:[^"]+)"/.exec(err);
        if (match) resolve((match[1] as string).replace('0.0.0.0', '127.0.0.1'));
      });
      child.on('close', () => reject(new Error(`serve exited: ${err}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/trigger`, { method: 'POST', body: '{"kind":"report"}' })).status).toBe(401);
    expect((await fetch(`${url}/pubsub`, { method: 'POST', body: '{}' })).status).toBe(401);
    // With the secret, the push reaches the pipeline, which dead-letters a body that is not JSON.
    const pushed = await fetch(`${url}/trigger`, {
      method: 'POST',
      body: 'not json',
      headers: { 'x-escher-secret': 'serve-secret-5a1e' },
    });
    expect(pushed.status).toBe(400);
    expect(deadLetters(dir)).toHaveLength(1);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
