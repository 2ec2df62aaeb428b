// The credential namespace the runner reads: SSM Parameter Store SecureStrings under
// /escher, encrypted with a key of this stack. The values are put by `escher creds put`,
// never by a template, so no secret ever passes through CloudFormation.

import { secretsKeyAlias } from '@escher/shared';
import { Arn, ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Parameters are named /escher/<logical path>, as the ssm:///escher secret store expects. */
export const SECRETS_PATH = 'escher';
export const SECRETS_URL = `ssm:///${SECRETS_PATH}`;

export interface SecretsNamespaceProps {
  namePrefix: string;
}

export class SecretsNamespace extends Construct {
  readonly key: kms.Key;
  readonly keyAlias: string;

  constructor(scope: Construct, id: string, { namePrefix }: SecretsNamespaceProps) {
    super(scope, id);
    this.keyAlias = secretsKeyAlias(namePrefix);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the Escher SecureString parameters under /escher',
      enableKeyRotation: true,
      alias: this.keyAlias,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The path itself (for GetParametersByPath) and every parameter below it. */
  parameterArns(): string[] {
    const stack = Stack.of(this);
    const arn = (resourceName: string) =>
      Arn.format(
        { service: 'ssm', resource: 'parameter', resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME },
        stack,
      );
    return [arn(SECRETS_PATH), arn(`${SECRETS_PATH}/*`)];
  }
}
