// Catalog entry aws.ec2.enable_ebs_encryption_by_default: new volumes in the target's
// region are encrypted from now on. Existing volumes are untouched (that needs a copy).

import { EnableEbsEncryptionByDefaultCommand, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import type { CatalogExecutor } from '../executor.js';
import type { AwsRemediationClients } from './clients.js';
import { ec2Of } from './ec2-client.js';
import { awsCall } from './errors.js';

export const ebsEncryptionByDefault: CatalogExecutor<AwsRemediationClients> = {
  id: 'aws.ec2.enable_ebs_encryption_by_default',
  undo: 'Disable EBS encryption by default in the region; volumes created meanwhile stay encrypted.',

  async check({ target }, clients) {
    const ec2 = ec2Of(clients);
    const res = await awsCall(`EBS settings of ${target.region}`, () =>
      ec2.send(new GetEbsEncryptionByDefaultCommand({})),
    );
    const on = res?.EbsEncryptionByDefault === true;
    return {
      needed: !on,
      reason: on
        ? `encryption by default is already on in ${target.region}`
        : `encryption by default is off in ${target.region}`,
      plan: on ? [] : [`turn on EBS encryption by default in ${target.region}`],
    };
  },

  async apply({ target }, clients) {
    const ec2 = ec2Of(clients);
    await awsCall(`EBS settings of ${target.region}`, () =>
      ec2.send(new EnableEbsEncryptionByDefaultCommand({})),
    );
    return { changes: [`EBS encryption by default on in ${target.region}`] };
  },

  async verify({ target }, clients) {
    const ec2 = ec2Of(clients);
    const res = await awsCall(`EBS settings of ${target.region}`, () =>
      ec2.send(new GetEbsEncryptionByDefaultCommand({})),
    );
    const on = res?.EbsEncryptionByDefault === true;
    return { ok: on, observed: `EbsEncryptionByDefault=${on}` };
  },
};
