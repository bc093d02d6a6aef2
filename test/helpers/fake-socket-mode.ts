// A local stand-in for Slack's side of Socket Mode, on 127.0.0.1 only: `apps.connections.open` on the
// fake Web API (test/helpers/fake-slack.ts) hands out a WebSocket URL here; each connection gets
// Slack's `hello`, then envelopes the test sends (events, slash commands, interactivity), and
// records the acks. It can send the routine `disconnect` message, and be unreachable on demand
// (both the Web API and the WebSocket port refuse connections) to test outages.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack';

export const APP_ID = 'A0APP0001';
export const APP_TOKEN = 'xapp-1-A0APP0001-test';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface Ack {
  envelopeId: string;
  /** What the app sent with the ack (a slash command's immediate reply, a view's errors), if anything. */
  payload: Record<string, unknown> | undefined;
}

export interface SendOptions {
  /** Slack's redelivery count for events (0 on the first delivery). */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack (Slack waits 3 s). */
  ackTimeoutMs?: number;
}

export interface FakeSocketMode {
  slack: FakeSlack;
  /** WebSocket connections opened so far (every reconnect adds one). */
  connectionsOpened(): number;
  /** A connection is open and has been sent `hello`. */
  isConnected(): boolean;
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends one envelope on the live connection and resolves with its ack; rejects when none comes. */
  send(type: EnvelopeType, payload: Record<string, unknown>, options?: SendOptions): Promise<Ack>;
  acks: Ack[];
  /** Slack's routine `disconnect` message (the app should open a new connection and carry on). */
  requestRefresh(reason?: 'refresh_requested' | 'warning'): void;
  /** Slack unreachable: the Web API and the WebSocket port refuse connections; open sockets are cut. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

const HELLO = (connections: number) =>
  JSON.stringify({
    type: 'hello',
    num_connections: connections,
    debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: APP_ID },
  });

export async function startFakeSocketMode(slack: FakeSlack): Promise<FakeSocketMode> {
  const acks: Ack[] = [];
  const waiting = new Map<string, (ack: Ack) => void>();
  let live: WebSocket | undefined;
  let opened = 0;
  let ticket = 0;

  const http: Server = createServer((_req, res) => {
    res.writeHead(404);
    res.end();
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket) => {
    opened++;
    live = socket;
    socket.on('message', (data) => {
      let message: { envelope_id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      if (typeof message.envelope_id !== 'string') return;
      const payload = message.payload as Record<string, unknown> | undefined;
      const ack: Ack = {
        envelopeId: message.envelope_id,
        payload: payload && Object.keys(payload).length > 0 ? payload : undefined,
      };
      acks.push(ack);
      waiting.get(ack.envelopeId)?.(ack);
    });
    socket.on('close', () => {
      if (live === socket) live = undefined;
    });
    socket.send(HELLO(wss.clients.size));
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  slack.setResult('apps.connections.open', () => {
    ticket++;
    return { url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${APP_ID}` };
  });

  const closeSockets = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      live = undefined;
      if (!http.listening) return resolve();
      http.close(() => resolve());
      http.closeAllConnections();
    });

  const isConnected = () => live !== undefined && live.readyState === live.OPEN;

  return {
    slack,
    connectionsOpened: () => opened,
    isConnected,
    async waitForConnection(timeoutMs = 5000) {
      await slack.waitFor(() => isConnected(), timeoutMs);
    },
    send(type, payload, options = {}) {
      const socket = live;
      if (!socket || socket.readyState !== socket.OPEN) {
        return Promise.reject(new Error('fake Socket Mode: no live connection to send on'));
      }
      const envelopeId = randomUUID();
      const envelope: Record<string, unknown> = {
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: type !== 'events_api',
      };
      if (type === 'events_api') {
        envelope.retry_attempt = options.retryAttempt ?? 0;
        envelope.retry_reason = options.retryReason ?? '';
      }
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(envelopeId);
          reject(new Error(`fake Socket Mode: envelope ${type} not acknowledged`));
        }, options.ackTimeoutMs ?? 3000);
        waiting.set(envelopeId, (ack) => {
          clearTimeout(timer);
          waiting.delete(envelopeId);
          resolve(ack);
        });
        socket.send(JSON.stringify(envelope));
      });
    },
    acks,
    requestRefresh(reason = 'refresh_requested') {
      live?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } }));
    },
    async goOffline() {
      await Promise.all([closeSockets(), slack.goOffline()]);
    },
    async goOnline() {
      await slack.goOnline();
      if (http.listening) return;
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, '127.0.0.1', () => {
          http.off('error', reject);
          resolve();
        });
      });
    },
    async close() {
      await closeSockets();
      wss.close();
    },
  };
}
