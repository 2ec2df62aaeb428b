// Which KMS key `escher creds put` encrypts SSM SecureStrings with. Pure: the caller reads
// the flag and the deployment config. The AWS stack's runner may decrypt only with its own
// key, so when the config names an AWS-hosted stack its key is the default.

import { type ExtensionConfig, secretsKeyAlias } from '@escher/shared';
import { InputError } from '../errors.js';
import { parseSecretUrl } from './secret-url.js';

export interface SecureStringKeyInput {
  /** The secret store URL the credentials go to. */
  storeUrl: string;
  /** `--kms-key-id`: a key id, ARN or alias; wins over the stack's key. */
  flag?: string;
  /** The deployment config, when one is set (ESCHER_CONFIG or ESCHER_CONFIG_FILE). */
  config?: ExtensionConfig;
}

/** The key id for new SecureStrings, or undefined for the account's default aws/ssm key. */
export function secureStringKeyId({ storeUrl, flag, config }: SecureStringKeyInput): string | undefined {
  if (parseSecretUrl(storeUrl).scheme !== 'ssm') {
    if (flag !== undefined) {
      throw new InputError(`--kms-key-id applies only to an ssm:// secret store, not ${storeUrl}`, {
        hint: 'drop --kms-key-id, or pass --secrets ssm:///escher',
      });
    }
    return undefined;
  }
  if (flag !== undefined) {
    if (flag.trim() === '')
      throw new InputError('--kms-key-id is empty', { hint: 'name a key id, ARN or alias/…' });
    return flag;
  }
  return config?.home_cloud === 'aws' ? secretsKeyAlias(config.name) : undefined;
}
