// AWS Systems Manager Parameter Store backend: each secret is a SecureString parameter
// named <root>/<logical name after "escher/">, e.g. ssm:///escher + escher/ai/token →
// /escher/ai/token. Encrypted with the given KMS key (the AWS stack's `alias/<name>-secrets`
// when `escher creds put` knows the stack), else with the account's default SSM key.

import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { awsErrorCode, runnerAwsConfig } from '../clouds/aws/runner-client-config.js';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError, EscherError, TransientError } from '../errors.js';
import type { SecretStore } from './secret-store.js';

const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'ExpiredTokenException',
]);

export function createSsmClient(env: RuntimeEnv): SSMClient {
  return new SSMClient(runnerAwsConfig(env));
}

export class SsmSecretStore implements SecretStore {
  readonly url: string;

  constructor(
    private readonly client: SSMClient,
    private readonly root: string,
    /** KMS key id, ARN or alias for new SecureStrings; unset: the account's aws/ssm key. */
    private readonly keyId?: string,
  ) {
    this.url = `ssm://${root}`;
  }

  private parameter(name: string): string {
    return `${this.root}/${name.replace(/^escher\//, '')}`;
  }

  private logical(parameter: string): string {
    return `escher/${parameter.slice(this.root.length + 1)}`;
  }

  private fail(op: string, name: string, err: unknown): Error {
    const { code, status } = awsErrorCode(err);
    if (code === 'InvalidKeyId') {
      return new ConfigError(`KMS key ${this.keyId} cannot encrypt ${name} in ${this.url}`, {
        hint: 'deploy the AWS stack first (it creates alias/<name>-secrets) or pass --kms-key-id with a key you may use',
        cause: err,
      });
    }
    if (AUTH_ERRORS.has(code) || status === 403) {
      return new ConfigError(`SSM Parameter Store refused ${op} of ${name} in ${this.url}`, {
        hint: 'fix AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the IAM role the runner uses (it needs ssm:GetParameter* and kms:Decrypt)',
        cause: err,
      });
    }
    const message = `SSM ${op} of ${name} failed (${code || `HTTP ${status}`})`;
    return status === undefined || status >= 500 || code === 'ThrottlingException'
      ? new TransientError(message, { cause: err })
      : new EscherError(message, { cause: err });
  }

  async get(name: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetParameterCommand({ Name: this.parameter(name), WithDecryption: true }),
      );
      return out.Parameter?.Value;
    } catch (err) {
      if (awsErrorCode(err).code === 'ParameterNotFound') return undefined;
      throw this.fail('read', name, err);
    }
  }

  async put(name: string, value: string): Promise<void> {
    await this.client
      .send(
        new PutParameterCommand({
          Name: this.parameter(name),
          Value: value,
          Type: 'SecureString',
          ...(this.keyId ? { KeyId: this.keyId } : {}),
          Overwrite: true,
        }),
      )
      .catch((err) => {
        throw this.fail('write', name, err);
      });
  }

  async list(prefix: string): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client
        .send(new GetParametersByPathCommand({ Path: this.root, Recursive: true, NextToken: token }))
        .catch((err) => {
          throw this.fail('list', prefix, err);
        });
      for (const p of page.Parameters ?? []) if (p.Name) names.push(this.logical(p.Name));
      token = page.NextToken;
    } while (token);
    return names.filter((n) => n.startsWith(prefix)).sort();
  }

  async delete(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteParameterCommand({ Name: this.parameter(name) }));
    } catch (err) {
      if (awsErrorCode(err).code === 'ParameterNotFound') return;
      throw this.fail('delete', name, err);
    }
  }
}
