import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createCliContext } from '../../src/cli/context.js';
import { openSecrets } from '../../src/cli/state/open.js';
import { emulator } from '../support/emulators.js';

const awsEnv = () => ({
  ESCHER_HOME: mkdtempSync(`${tmpdir()}/escher-state-secrets-`),
  AWS_ENDPOINT_URL: emulator('moto').endpoint,
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
});

describe('the secret store of `escher state`', () => {
  it('opens an SSM store from --secrets, where a cloud deployment keeps the snapshot key', async () => {
    const ctx = createCliContext(awsEnv());
    const secrets = openSecrets(ctx, { secrets: 'ssm:///escher-state-test' });
    await secrets.put('escher/state/key', 'c2VjcmV0LWtleS1jYW5hcnk=');
    expect(await secrets.get('escher/state/key')).toBe('c2VjcmV0LWtleS1jYW5hcnk=');
    expect(ctx.redactor.redact('key c2VjcmV0LWtleS1jYW5hcnk=')).not.toContain('c2VjcmV0LWtleS1jYW5hcnk=');
  });

  it('opens the store ESCHER_SECRETS names when no flag is given', async () => {
    const ctx = createCliContext({ ...awsEnv(), ESCHER_SECRETS: 'ssm:///escher-state-env' });
    await openSecrets(ctx, { secrets: 'ssm:///escher-state-env' }).put('escher/state/key', 'ZW52LWtleQ==');
    expect(await openSecrets(ctx, {}).get('escher/state/key')).toBe('ZW52LWtleQ==');
    expect(
      await openSecrets(ctx, { secrets: 'ssm:///escher-state-other' }).get('escher/state/key'),
    ).toBeUndefined();
  });
});
