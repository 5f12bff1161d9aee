// A pass-through between KeyDesk's services and the real local organization server, as the
// Internet is between KeyDesk and JMap Cloud: every request reaches the server unchanged and
// its answer comes back unchanged. A test may hold the requests it names (a slow network on
// those) until it lets them go, to look at the app while it waits on them: the guided
// delete's progress, its Cancel. Nothing here answers in the server's place.
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
}

export interface HoldingProxy {
  /** The address to give KeyDesk as its server. */
  readonly url: string;
  /** From now on, requests matching `which` wait until release(). */
  hold(which: (request: ProxiedRequest) => boolean): void;
  /** How many requests are waiting (a client that gave up still counts until release). */
  holding(): number;
  /** Lets the waiting requests go on to the server, and holds no more. */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(serverUrl: string): Promise<HoldingProxy> {
  const target = new URL(serverUrl);
  let which: ((request: ProxiedRequest) => boolean) | null = null;
  let waiting: (() => void)[] = [];

  function pass(req: IncomingMessage, res: ServerResponse): void {
    // A client that gave up meanwhile (KeyDesk's Cancel aborts its request) is not sent on.
    if (req.socket.destroyed) return;
    // The server answers only requests addressed to it (Host), as behind any reverse proxy.
    const headers = { ...req.headers, host: target.host };
    const upstream = forward({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const request = { method: req.method ?? 'GET', path: req.url ?? '/' };
    if (which?.(request)) {
      req.pause();
      waiting.push(() => pass(req, res));
    } else {
      pass(req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function release(): void {
    which = null;
    const now = waiting;
    waiting = [];
    for (const go of now) go();
  }

  return {
    url: `http://127.0.0.1:${port}`,
    hold(next) {
      which = next;
    },
    holding: () => waiting.length,
    release,
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
