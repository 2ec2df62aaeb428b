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

/**
 * How long the emulator was busy: the union of the calls' intervals, not their sum, so that
 * calls the runner makes concurrently are not subtracted from its time twice.
 */
export function busyTime(calls: Pick<ProxiedCall, 'arrived' | 'answered'>[]): number {
  const sorted = [...calls].sort((a, b) => a.arrived - b.arrived);
  let busy = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const { arrived, answered } of sorted) {
    if (answered <= until) continue;
    busy += answered - Math.max(arrived, until);
    until = answered;
  }
  return busy;
}

export interface TimingProxy {
  url: string;
  /** Every call since the bench last emptied the list, in arrival order. */
  calls: ProxiedCall[];
  /** Called as each call arrives, before it is forwarded (e.g. to sample the caller's CPU time). */
  onArrive?: (call: ProxiedCall) => void;
  close(): Promise<void>;
}

export async function startTimingProxy(target: string): Promise<TimingProxy> {
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
    proxy.onArrive?.(call);
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
  const proxy: TimingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
