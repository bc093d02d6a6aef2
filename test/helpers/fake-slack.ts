// A local stand-in for Slack: a Web API (`SLACK_API_URL` points here) that records every call and can be
// told to fail, and `response_url`s that record what is posted to them. Listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Form fields, with JSON-valued fields (blocks, view) parsed. */
  args: Record<string, unknown>;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

/** Every POST to a response_url, including the ones refused because the URL had expired. */
export interface ResponseAttempt {
  id: string;
  status: number;
}

export interface Failure {
  /** HTTP status to answer with (200 with `error` for Slack-style API errors). */
  status?: number;
  error?: string;
  retryAfterSeconds?: number;
  /** How many calls fail before the method works again. */
  times?: number;
}

export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  responseAttempts: ResponseAttempt[];
  callsTo(method: string): RecordedCall[];
  /** Everything the app sent to Slack (API calls and response_url posts), as one string to search. */
  everythingSent(): string;
  failNext(method: string, failure: Failure): void;
  /** response_url ids that answer 404 as Slack does after 30 minutes or 5 uses. */
  expireResponseUrl(id: string): void;
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Resolves once nothing new has reached the fake for `quietMs`: for asserting that nothing (more) happens. */
  settle(quietMs?: number): Promise<void>;
  /** Forgets recorded calls, responses and pending failures (between benchmark phases). */
  reset(): void;
  /** Answers `method` with `result` (merged into `{ ok: true }`) instead of the built-in answer. */
  setResult(method: string, result: (args: Record<string, unknown>) => Record<string, unknown>): void;
  /** Every answer (API call or response_url post) waits this long first, as real Slack takes its time; with `method`, only that method's. */
  setLatency(ms: number, method?: string): void;
  /** Slack unreachable: the port refuses connections (and open ones are cut) until `goOnline`. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'UBOTUSER1';
export const BOT_ID = 'BBOTID001';
export const TEAM_ID = 'T0TEAM001';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const RESULTS: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
  'auth.test': () => ({ user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: 'aws-signin', team: 'Test' }),
  'chat.postMessage': (args) => ({ channel: args.channel, ts: `${Date.now() / 1000}`, message: { text: args.text } }),
  'chat.postEphemeral': () => ({ message_ts: `${Date.now() / 1000}` }),
  'chat.update': (args) => ({ channel: args.channel, ts: args.ts }),
  'chat.getPermalink': (args) => ({ permalink: `https://example.slack.com/archives/${String(args.channel)}/p1` }),
  'views.publish': () => ({ view: { id: 'V0VIEW001' } }),
  'views.open': () => ({ view: { id: 'V0VIEW002' } }),
  'conversations.open': () => ({ channel: { id: 'D0DM00001' } }),
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const responseAttempts: ResponseAttempt[] = [];
  const failures = new Map<string, Failure[]>();
  const expired = new Set<string>();
  const results = new Map<string, (args: Record<string, unknown>) => Record<string, unknown>>();
  let lastActivity = Date.now();
  let latencyMs = 0;
  const methodLatencyMs = new Map<string, number>();

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    lastActivity = Date.now();
    const url = req.url ?? '/';
    const wait = methodLatencyMs.get(url.replace(/^\/api\//, '').split('?')[0] ?? '') ?? latencyMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };

    if (url.startsWith('/response/')) {
      const id = decodeURIComponent(url.slice('/response/'.length));
      if (expired.has(id)) {
        responseAttempts.push({ id, status: 404 });
        return reply(404, { ok: false, error: 'expired_url' });
      }
      responseAttempts.push({ id, status: 200 });
      responses.push({ id, body: parseArgs(raw, req.headers['content-type']) });
      return reply(200, { ok: true });
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(raw, req.headers['content-type']);
    calls.push({ method, args });

    const queue = failures.get(method);
    const failure = queue?.[0];
    if (failure && queue) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) queue.shift();
      if (failure.status === 429) {
        return reply(
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(failure.retryAfterSeconds ?? 1) },
        );
      }
      if (failure.status && failure.status >= 500) return reply(failure.status, { ok: false, error: 'internal_error' });
      return reply(200, { ok: false, error: failure.error ?? 'fatal_error' });
    }
    const result = (results.get(method) ?? RESULTS[method])?.(args) ?? {};
    return reply(200, { ok: true, ...result });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    calls,
    responses,
    responseAttempts,
    callsTo: (method) => calls.filter((call) => call.method === method),
    everythingSent: () => JSON.stringify({ calls, responses }),
    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push({ ...failure });
      failures.set(method, queue);
    },
    expireResponseUrl: (id) => {
      expired.add(id);
    },
    async waitFor(probe, timeoutMs = 3000) {
      const started = Date.now();
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() - started > timeoutMs) throw new Error('fake Slack: timed out waiting for the expected call');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async settle(quietMs = 150) {
      const started = Date.now();
      const quietFor = () => Date.now() - Math.max(lastActivity, started);
      while (quietFor() < quietMs) {
        await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor() + 5));
      }
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      responseAttempts.length = 0;
      failures.clear();
      expired.clear();
    },
    setLatency(ms, method) {
      if (method) methodLatencyMs.set(method, ms);
      else latencyMs = ms;
    },
    setResult(method, result) {
      results.set(method, result);
    },
    goOffline: closeServer,
    goOnline: () =>
      new Promise<void>((resolve, reject) => {
        if (server.listening) return resolve();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close: closeServer,
  };
}
