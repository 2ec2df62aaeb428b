// moto in server mode: S3 and SSM Parameter Store for the AWS adapters.

import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort, startProcess, toolPath, waitForHttp } from './process.js';
import type { RunningEmulator } from './types.js';

// moto's conditional PUT checks If-Match and then writes without a lock, so under its
// threaded server two racing compare-and-swaps can both win, which real S3 never allows.
// Serving one request at a time makes each conditional write atomic, as on S3.
const SERIAL_SERVER = [
  'import sys',
  'from werkzeug.serving import run_simple',
  'from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app',
  'run_simple(sys.argv[1], int(sys.argv[2]), DomainDispatcherApplication(create_backend_app), threaded=False, request_handler=MotoRequestHandler)',
].join('\n');

export interface MotoOptions {
  /** One request at a time: atomic conditional writes, for races on S3 compare-and-swap. */
  serial?: boolean;
}

export async function launchMoto(options: MotoOptions = {}): Promise<RunningEmulator> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const server = toolPath('moto_server');
  const proc = options.serial
    ? startProcess(join(dirname(realpathSync(server)), 'python'), [
        '-c',
        SERIAL_SERVER,
        '127.0.0.1',
        String(port),
      ])
    : startProcess(server, ['-H', '127.0.0.1', '-p', String(port)]);
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
