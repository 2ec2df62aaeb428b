// fake-gcs-server in memory, over plain HTTP, for the GCS adapter.

import { freePort, startProcess, toolPath, waitForHttp } from './process.js';
import type { RunningEmulator } from './types.js';

export async function launchFakeGcs(): Promise<RunningEmulator> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const proc = startProcess(toolPath('fake-gcs-server'), [
    '-scheme',
    'http',
    '-host',
    '127.0.0.1',
    '-port',
    String(port),
    '-backend',
    'memory',
    // Upload and media links must name the address the SDK can reach.
    '-public-host',
    `127.0.0.1:${port}`,
    '-external-url',
    endpoint,
    '-log-level',
    'error',
  ]);
  await waitForHttp('fake-gcs-server', `${endpoint}/storage/v1/b`, proc);
  return { name: 'fakeGcs', endpoint, env: { STORAGE_EMULATOR_HOST: endpoint }, stop: proc.stop };
}
