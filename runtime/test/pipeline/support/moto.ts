// The moto (AWS emulator) the test run's global setup started, with SDK clients pointed at
// it. The emulator is the real part; nothing here is mocked. Each test names its own
// buckets and groups, since test files share the one moto.

import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { emulator } from '../../support/emulators.js';

export const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
export const REGION = 'us-east-1';
/** moto's default account id. */
export const ACCOUNT = '123456789012';

export interface Moto {
  endpoint: string;
  s3: S3Client;
  ec2: EC2Client;
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const { endpoint } = emulator('moto');
  const common = { region: REGION, endpoint, credentials: CREDENTIALS };
  return {
    endpoint,
    s3: new S3Client({ ...common, forcePathStyle: true }),
    ec2: new EC2Client(common),
    // The global setup owns the emulator's lifetime.
    stop: async () => {},
  };
}

/** Environment for a runner subprocess talking to this moto. */
export const motoEnv = (m: Moto) => ({
  AWS_ENDPOINT_URL: m.endpoint,
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  AWS_REGION: REGION,
});
