// Starts a private moto server for the SNS tests until the shared emulator harness serves
// them; moto's /moto-api/data.json shows what SNS published (topic messages and SMS).

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MOTO = fileURLToPath(new URL('../../../.tools/bin/moto_server', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Moto {
  url: string;
  snsData(): Promise<{
    SMS: { message: string; phone_number: string }[];
    Topic: { arn: string; sent_notifications: unknown[][] }[];
  }>;
  stop(): void;
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn(MOTO, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/moto-api/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    snsData: async () => ((await (await fetch(`${url}/moto-api/data.json`)).json()) as { sns: never }).sns,
    stop: () => void child.kill('SIGTERM'),
  };
}
