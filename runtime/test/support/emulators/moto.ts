// moto in server mode: S3 and SSM Parameter Store for the AWS adapters.

import { freePort, startProcess, toolPath, waitForHttp } from './process.js';
import type { RunningEmulator } from './types.js';

export async function launchMoto(): Promise<RunningEmulator> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const proc = startProcess(toolPath('moto_server'), ['-H', '127.0.0.1', '-p', String(port)]);
  await waitForHttp('moto', `${endpoint}/moto-api/`, proc);
  return {
    name: 'moto',
    endpoint,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      // moto accepts any key; fixed test values keep the SDK from searching for real ones.
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
    stop: proc.stop,
  };
}
