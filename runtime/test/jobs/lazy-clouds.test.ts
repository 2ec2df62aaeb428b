import { describe, expect, it } from 'vitest';
import { runNode } from '../pipeline/support/spawn-cli.js';

// Runs in a fresh Node process over the compiled runner (as `escher` runs), recording every
// cloud SDK package a module asks for: first after importing the job runner, then after
// building one AWS fleet.
const SCRIPT = `
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    if (/^@(aws-sdk|azure|google-cloud)\\//.test(specifier)) seen.add(specifier.split('/').slice(0, 2).join('/'));
    return next(specifier, context);
  },
});
const { defaultCloudClients } = await import('./dist/jobs/job-runner.js');
const { cloudFleets } = await import('./dist/clouds/fleets.js');
const { loadRuntimeEnv } = await import('./dist/config/env.js');
const afterImport = [...seen];
const fleets = cloudFleets(defaultCloudClients(loadRuntimeEnv({}), undefined));
await fleets({ cloud: 'aws', account: '123456789012', region: 'us-east-1', resource_type: 'compute_instance' });
console.log(JSON.stringify({ afterImport, afterAwsFleet: [...seen].sort() }));
`;

async function run(): Promise<string> {
  const result = await runNode(['--input-type=module', '-e', SCRIPT]);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('job runner cloud clients', () => {
  it('load no cloud SDK until a fleet of that cloud is needed, and then only that cloud', async () => {
    const seen = JSON.parse(await run());
    expect(seen.afterImport).toEqual([]);
    expect(seen.afterAwsFleet).toContain('@aws-sdk/client-ec2');
    expect(seen.afterAwsFleet.filter((p: string) => !p.startsWith('@aws-sdk/'))).toEqual([]);
  }, 120_000);
});
