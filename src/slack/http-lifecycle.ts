// HTTP mode's life cycle around Bolt's receiver: a health route for load balancers, and a stop that
// stops taking requests without cutting the ones being answered.
import type { Server } from 'node:http';
import type { CustomRoute } from '@slack/bolt';

export const HEALTH_PATH = '/health';

/** 200 while serving; 503 once stopping, so a load balancer sends new requests elsewhere. */
export function createHealthRoute(isStopping: () => boolean): CustomRoute {
  return {
    path: HEALTH_PATH,
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      const stopping = isStopping();
      res.writeHead(stopping ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: stopping ? 'stopping' : 'ok' }));
    },
  };
}

/** How often idle keep-alive connections are closed while the server drains. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections, lets every request already received get its response, and closes
 * keep-alive connections as they fall idle (a load balancer's pooled connections would otherwise keep
 * the server open). Resolves once the last connection is closed.
 */
export function stopHttpServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) return resolve();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close((error) => {
      clearInterval(sweep);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
