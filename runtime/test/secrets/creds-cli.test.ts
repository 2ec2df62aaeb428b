// `escher creds`: puts validated credential sets, lists names, checks completeness, and
// never prints a value; bad input is refused with exit status 2 and nothing written.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeParametersCommand } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliContext, createCliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { EscherError } from '../../src/errors.js';
import { createSsmClient } from '../../src/secrets/ssm-secret-store.js';
import { emulator, runtimeEnvWith } from '../support/emulators.js';

const SUB = '0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEcanary\n-----END PRIVATE KEY-----\n';

let home: string;
let out: string[];

function context(vars: Record<string, string> = {}): CliContext {
  const base = createCliContext({ ESCHER_HOME: home, ...vars });
  return {
    ...base,
    out: (t) => out.push(base.redactor.redact(t)),
    err: (t) => out.push(base.redactor.redact(t)),
  };
}

async function escher(args: string[], c: CliContext = context()): Promise<EscherError | undefined> {
  try {
    const argv = ['node', 'escher', ...args];
    await (await buildProgram(() => c, argv)).parseAsync(argv);
    return undefined;
  } catch (err) {
    if (err instanceof EscherError) return err;
    throw err;
  }
}

/** `escher creds put aws` of the example key pair for 123456789012; `options` go before the fields. */
const putAwsKeyPair = (c: CliContext = context(), ...options: string[]) =>
  escher(
    [
      'creds',
      'put',
      'aws',
      '--account',
      '123456789012',
      ...options,
      'access_key_id=AKIAIOSFODNN7EXAMPLE',
      `secret_access_key=${SECRET_KEY}`,
    ],
    c,
  );

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'escher-creds-'));
  out = [];
  process.exitCode = undefined;
});
afterEach(async () => {
  process.exitCode = undefined;
  await rm(home, { recursive: true, force: true });
});

describe('escher creds put', () => {
  it('stores an AWS key pair given as fields and prints only the names', async () => {
    expect(await putAwsKeyPair()).toBeUndefined();
    expect(out.join('')).toBe(
      `stored escher/aws/123456789012/access_key_id, escher/aws/123456789012/secret_access_key in file://${home}/secrets\n`,
    );
  });

  it('stores a GCP key file read with --from-file', async () => {
    const file = join(home, 'key.json');
    await writeFile(
      file,
      JSON.stringify({
        type: 'service_account',
        project_id: 'proj-one',
        client_email: 'r@proj-one.iam.gserviceaccount.com',
        private_key: PRIVATE_KEY,
      }),
    );
    expect(
      await escher(['creds', 'put', 'gcp', '--account', 'proj-one', '--from-file', file]),
    ).toBeUndefined();
    await escher(['creds', 'check']);
    expect(out.join('')).not.toContain('MIIEcanary');
    expect(out[1]).toBe(`gcp   ${'proj-one'.padEnd(38)}complete\n`);
  });

  it.each([
    [['creds', 'put', 'oci', '--account', '1'], 'unknown cloud "oci" (use one of aws, azure, gcp)'],
    [
      ['creds', 'put', 'aws', '--account', '12', 'role_arn=arn:aws:iam::123456789012:role/x'],
      '--account "12" is not a 12-digit AWS account id',
    ],
    [
      ['creds', 'put', 'azure', '--account', SUB, 'client_secret=cs-canary-value'],
      `azure credentials for ${SUB} are incomplete: missing escher/azure/${SUB}/tenant_id, escher/azure/${SUB}/client_id (pass the fields of one complete set: tenant_id + client_id + client_secret)`,
    ],
    [
      ['creds', 'put', 'aws', '--account', '123456789012', 'password=hunter2-canary'],
      'unknown aws credential field password (use access_key_id, secret_access_key, role_arn, session_token, external_id)',
    ],
  ])('refuses %j with exit status 2 and writes nothing', async (args, message) => {
    const err = await escher(args);
    expect(err?.exitCode).toBe(2);
    expect(err?.toUserMessage()).toBe(message);
    await escher(['creds', 'list']);
    expect(out.join('')).toBe('no secrets stored\n');
  });
});

describe('escher creds list and check', () => {
  it('lists names, flags an incomplete set and sets exit status 1', async () => {
    await escher([
      'creds',
      'put',
      'aws',
      '--account',
      '123456789012',
      'role_arn=arn:aws:iam::123456789012:role/escher',
    ]);
    const c = context();
    // An incomplete set can only come from elsewhere (another tool, a partial delete).
    await writeFile(
      join(home, 'secrets', 'secrets.json'),
      JSON.stringify({
        'escher/aws/123456789012/role_arn': 'arn:aws:iam::123456789012:role/escher',
        [`escher/azure/${SUB}/client_id`]: '66666666-7777-8888-9999-000000000000',
      }),
    );
    out = [];
    await escher(['creds', 'list'], c);
    expect(out.join('')).toBe(`escher/aws/123456789012/role_arn\nescher/azure/${SUB}/client_id\n`);
    out = [];
    await escher(['creds', 'check'], c);
    expect(out).toEqual([
      `aws   ${'123456789012'.padEnd(38)}complete\n`,
      `azure ${SUB.padEnd(38)}incomplete: missing tenant_id, client_secret\n`,
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('works against SSM through --secrets', async () => {
    const c = context(emulator('moto').env);
    const url = `ssm:///escher-cli-${Date.now()}`;
    await putAwsKeyPair(c, '--secrets', url);
    out = [];
    await escher(['creds', 'check', '--json', '--secrets', url], c);
    expect(JSON.parse(out.join(''))).toEqual([
      {
        cloud: 'aws',
        account: '123456789012',
        complete: true,
        fields: ['access_key_id', 'secret_access_key'],
        missing: [],
      },
    ]);
  });
});

describe('escher creds put: the KMS key of SSM SecureStrings', () => {
  const AWS_STACK = {
    name: 'acme',
    home_cloud: 'aws',
    aws: { account: '123456789012', region: 'us-east-1' },
  };
  const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  let root: string;
  beforeEach(() => {
    root = `/escher-kms-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  });

  /** What moto recorded as each parameter's KeyId under the test's root. */
  async function keyIds(): Promise<Record<string, string | undefined>> {
    const ssm = createSsmClient(runtimeEnvWith(emulator('moto').env));
    const page = await ssm.send(
      new DescribeParametersCommand({
        ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: [root] }],
      }),
    );
    return Object.fromEntries((page.Parameters ?? []).map((p) => [p.Name, p.KeyId]));
  }

  const putKeyPair = (c: CliContext, ...extra: string[]) =>
    putAwsKeyPair(c, '--secrets', `ssm://${root}`, ...extra);

  it("encrypts with the AWS stack's alias/<name>-secrets when the config names the stack", async () => {
    const c = context({ ...emulator('moto').env, ESCHER_CONFIG: JSON.stringify(AWS_STACK) });
    expect(await putKeyPair(c)).toBeUndefined();
    expect(await keyIds()).toEqual({
      [`${root}/aws/123456789012/access_key_id`]: 'alias/acme-secrets',
      [`${root}/aws/123456789012/secret_access_key`]: 'alias/acme-secrets',
    });
    expect(out.join('')).toBe(
      `stored escher/aws/123456789012/access_key_id, escher/aws/123456789012/secret_access_key in ssm://${root} (KMS key alias/acme-secrets)\n`,
    );
  });

  it('encrypts with the key --kms-key-id names, over the stack default', async () => {
    const c = context({ ...emulator('moto').env, ESCHER_CONFIG: JSON.stringify(AWS_STACK) });
    expect(await putKeyPair(c, '--kms-key-id', KEY_ARN)).toBeUndefined();
    expect(Object.values(await keyIds())).toEqual([KEY_ARN, KEY_ARN]);
  });

  it("leaves the account's default aws/ssm key when no config names an AWS stack", async () => {
    const gcpHosted = { home_cloud: 'gcp', gcp: { project: 'acme-prod-42', region: 'europe-west1' } };
    expect(await putKeyPair(context(emulator('moto').env))).toBeUndefined();
    expect(
      await putKeyPair(context({ ...emulator('moto').env, ESCHER_CONFIG: JSON.stringify(gcpHosted) })),
    ).toBeUndefined();
    expect(Object.values(await keyIds())).toEqual(['alias/aws/ssm', 'alias/aws/ssm']);
  });

  it('refuses --kms-key-id for a store that is not SSM, writing nothing', async () => {
    const err = await escher([
      'creds',
      'put',
      'aws',
      '--account',
      '123456789012',
      '--kms-key-id',
      'alias/acme-secrets',
      'role_arn=arn:aws:iam::123456789012:role/escher',
    ]);
    expect(err?.exitCode).toBe(2);
    expect(err?.toUserMessage()).toBe(
      `--kms-key-id applies only to an ssm:// secret store, not file://${home}/secrets (drop --kms-key-id, or pass --secrets ssm:///escher)`,
    );
    await escher(['creds', 'list']);
    expect(out.join('')).toBe('no secrets stored\n');
  });
});
