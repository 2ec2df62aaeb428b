// A timing proxy in front of moto: every AWS call the runner makes passes through it, so
// the bench can tell the runner's own time from the emulator's.

import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedCall {
  method: string;
  url: string;
  /** performance.timeOrigin-based epoch milliseconds. */
  arrived: number;
  answered: number;
}

export async function startTimingProxy(target: string) {
  const calls: ProxiedCall[] = [];
  const upstream = new URL(target);
  const now = () => performance.timeOrigin + performance.now();
  const server = createServer((req, res) => {
    const call: ProxiedCall = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      arrived: now(),
      answered: 0,
    };
    calls.push(call);
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', () => {
          call.answered = now();
        });
      },
    );
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
