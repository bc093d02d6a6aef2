// A TCP proxy on 127.0.0.1 in front of a server (PostgreSQL in the replica tests) that a test can cut and
// restore: "the database is down" or "restarted" without touching a server other people share. Cut, it
// drops every open connection and resets new ones at once, as a stopped server's port does.

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** The PostgreSQL URL through the proxy. */
  url(database: string, user?: string): string;
  cut(): void;
  /** A network partition: connections stay open, nothing gets through, new ones hang. */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  let stalled = false;
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    if (stalled) {
      // Accepted, never answered: what a partitioned server looks like.
      open.add(client);
      client.on('error', () => open.delete(client));
      return;
    }
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk) => {
      if (!stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!stalled) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (database, user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${database}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    stall() {
      stalled = true;
    },
    restore() {
      down = false;
      if (stalled) {
        // Whatever was stuck in a partition is gone: the connections that lived through it are dropped.
        stalled = false;
        for (const socket of open) socket.destroy();
        open.clear();
      }
    },
    async close() {
      down = true;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
