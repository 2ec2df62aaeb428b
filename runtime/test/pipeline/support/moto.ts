// Starts moto (the AWS emulator) on a free loopback port for one test file, and hands out
// SDK clients pointed at it. The emulator is the real part; nothing here is mocked.

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';

const MOTO = fileURLToPath(new URL('../../../../.tools/bin/moto_server', import.meta.url));
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilUp(endpoint: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('moto did not start within 20 s');
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child = spawn(MOTO, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilUp(endpoint, child);
  const common = { region: REGION, endpoint, credentials: CREDENTIALS };
  return {
    endpoint,
    s3: new S3Client({ ...common, forcePathStyle: true }),
    ec2: new EC2Client(common),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Environment for a runner subprocess talking to this moto. */
export const motoEnv = (m: Moto) => ({
  AWS_ENDPOINT_URL: m.endpoint,
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  AWS_REGION: REGION,
});
