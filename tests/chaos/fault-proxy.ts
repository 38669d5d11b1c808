// A TCP proxy between the services and Redis or PostgreSQL that can play an outage: every open
// connection is cut and new ones are refused for a while, then it accepts again. To the services this is
// a server restart (with its data kept, as a persistent Redis and PostgreSQL keep it), while the real
// servers keep running for everything else on the machine (the other tests, a running platform).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  /** The port the services connect to. */
  port: number;
  /** Cuts every connection and refuses new ones for `ms`; resolves when it accepts again. */
  outage(ms: number): Promise<void>;
  /** Connections cut by outages so far. */
  readonly cut: number;
  close(): Promise<void>;
}

/** `url` (a Redis or PostgreSQL URL) pointed at `port` on the same host: how a service is put behind a proxy. */
export function viaPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

export async function startFaultProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let cut = 0;
  let port = 0;
  let server: Server;

  const listen = (onPort: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect({ port: targetPort, host: targetHost });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.setNoDelay(true);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined); // a cut connection errors on both ends; closing is enough
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(onPort, '127.0.0.1', () => resolve(s));
    });

  server = await listen(0);
  port = (server.address() as { port: number }).port;

  const closeServer = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));
  const cutAll = () => {
    for (const socket of sockets) {
      socket.destroy();
      cut += 1;
    }
    sockets.clear();
  };

  return {
    port,
    get cut() {
      return Math.floor(cut / 2);
    },
    async outage(ms) {
      const closing = closeServer(server);
      cutAll();
      await closing;
      await new Promise((resolve) => setTimeout(resolve, ms));
      // The port is ours again at once: nothing else binds it in between on this machine's test ranges.
      for (let attempt = 0; ; attempt += 1) {
        try {
          server = await listen(port);
          return;
        } catch (err) {
          if (attempt >= 50) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async close() {
      const closing = closeServer(server);
      cutAll();
      await closing;
    },
  };
}
