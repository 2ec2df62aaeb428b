// `escher creds put|list|check`: keep the credentials for the AWS accounts, Azure
// subscriptions and GCP projects this runner manages in its SecretStore. Values go in from
// a file or stdin (or name=value arguments); nothing this command prints contains one.

import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { loadDeploymentConfig } from '../../runner/config.js';
import {
  assertAccountId,
  CLOUDS,
  type Cloud,
  credentialName,
  validateCredentialFields,
} from '../../secrets/cloud-credentials.js';
import { credentialStatuses } from '../../secrets/credential-status.js';
import { openSecretStore, type SecretStoreOptions } from '../../secrets/open-secret-store.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { parseSecretUrl } from '../../secrets/secret-url.js';
import { secureStringKeyId } from '../../secrets/secure-string-key.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

function secretsUrl(c: CliContext, url: string | undefined): string {
  return url ?? c.env.ESCHER_SECRETS ?? `file://${join(c.env.ESCHER_HOME, 'secrets')}`;
}

function openSecrets(c: CliContext, url: string | undefined, options?: SecretStoreOptions): SecretStore {
  return openSecretStore(secretsUrl(c, url), c.env, c.redactor, options);
}

/** The KMS key for new SSM SecureStrings; the deployment config is read only when it can matter. */
async function keyFor(c: CliContext, url: string | undefined, flag: string | undefined) {
  const storeUrl = secretsUrl(c, url);
  const needsConfig = flag === undefined && parseSecretUrl(storeUrl).scheme === 'ssm';
  const config = needsConfig ? await loadDeploymentConfig(c.env) : undefined;
  return secureStringKeyId({ storeUrl, flag, config });
}

function parseCloud(raw: string): Cloud {
  if (!(CLOUDS as string[]).includes(raw)) {
    throw new InputError(`unknown cloud "${raw}"`, { hint: `use one of ${CLOUDS.join(', ')}` });
  }
  return raw as Cloud;
}

/** A GCP key file is the field itself; for AWS and Azure the file is a JSON object of fields. */
async function fieldsFrom(
  c: CliContext,
  cloud: Cloud,
  file: string | undefined,
  pairs: string[],
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (file !== undefined) {
    const text = await c.readInput(file);
    if (cloud === 'gcp') {
      fields.service_account_json = text.trim();
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new InputError(`${file} is not a JSON object of credential fields`, {
          hint: 'e.g. {"access_key_id": "...", "secret_access_key": "..."}',
        });
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new InputError(`${file} is not a JSON object of credential fields`);
      }
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') fields[k] = v;
    }
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new InputError(`argument "${pair.split('=')[0]}" is not name=value`, {
        hint: 'pass fields as name=value, or use --from-file',
      });
    c.redactor.add(pair.slice(at + 1));
    fields[pair.slice(0, at)] = pair.slice(at + 1);
  }
  for (const value of Object.values(fields)) c.redactor.add(value);
  return fields;
}

export const credsCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  const creds = program.command('creds').description('manage the cloud credentials kept in the secret store');
  const secretsOption = [
    '--secrets <url>',
    'secret store URL (default: ESCHER_SECRETS, else $ESCHER_HOME/secrets)',
  ] as const;

  creds
    .command('put <cloud> [fields...]')
    .description(
      'store a credential set: aws (access_key_id + secret_access_key, or role_arn), azure (tenant_id, client_id, client_secret), gcp (service_account_json)',
    )
    .requiredOption('--account <id>', 'AWS account id, Azure subscription id or GCP project id')
    .option('--from-file <file>', "JSON file of fields ('-' for stdin); for gcp the service account key file")
    .option(...secretsOption)
    .option(
      '--kms-key-id <key>',
      "KMS key (id, ARN or alias) for SSM SecureStrings (default: the AWS stack's alias/<name>-secrets when ESCHER_CONFIG or ESCHER_CONFIG_FILE names an AWS-hosted stack)",
    )
    .action(
      async (
        rawCloud: string,
        pairs: string[],
        flags: { account: string; fromFile?: string; secrets?: string; kmsKeyId?: string },
      ) => {
        const c = ctx();
        const cloud = parseCloud(rawCloud);
        const account = assertAccountId(cloud, flags.account);
        const fields = await fieldsFrom(c, cloud, flags.fromFile, pairs);
        // Validated as a whole first, so a bad set leaves the store untouched.
        await validateCredentialFields(cloud, account, fields);
        const ssmKeyId = await keyFor(c, flags.secrets, flags.kmsKeyId);
        const store = openSecrets(c, flags.secrets, { ssmKeyId });
        const names = Object.keys(fields).sort();
        for (const field of names)
          await store.put(credentialName(cloud, account, field), fields[field] as string);
        const encryption = ssmKeyId ? ` (KMS key ${ssmKeyId})` : '';
        c.out(
          `stored ${names.map((f) => credentialName(cloud, account, f)).join(', ')} in ${store.url}${encryption}\n`,
        );
      },
    );

  creds
    .command('list')
    .description('list the names of the stored credentials (never their values)')
    .option(...secretsOption)
    .action(async (flags: { secrets?: string }) => {
      const c = ctx();
      const names = await openSecrets(c, flags.secrets).list('escher/');
      c.out(names.length ? `${names.join('\n')}\n` : 'no secrets stored\n');
    });

  creds
    .command('check')
    .description('show which clouds and accounts have a complete credential set')
    .option(...secretsOption)
    .option('--json', 'print JSON')
    .action(async (flags: { secrets?: string; json?: boolean }) => {
      const c = ctx();
      const statuses = await credentialStatuses(openSecrets(c, flags.secrets));
      if (flags.json) {
        c.out(`${JSON.stringify(statuses, null, 2)}\n`);
      } else if (statuses.length === 0) {
        c.out('no cloud credentials stored; add some with escher creds put\n');
      } else {
        for (const s of statuses) {
          c.out(
            `${s.cloud.padEnd(6)}${s.account.padEnd(38)}${s.complete ? 'complete' : `incomplete: missing ${s.missing.join(', ')}`}\n`,
          );
        }
      }
      if (statuses.some((s) => !s.complete)) process.exitCode = 1;
    });
};
