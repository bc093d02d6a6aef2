// The receiver guard on its own, with small limits and a stand-in app that acks everything: the limits
// the end-to-end tests cannot reach with the app's real ones (bodies in flight together, slow bodies).
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { createGuardedReceiver, SIGNING_SECRET_WARNING } from '../../src/slack/guarded-receiver';
import { recordingLogger } from '../helpers/fakes';
import { SIGNING_SECRET, signatureHeaders } from '../helpers/slack-requests';

const logger = recordingLogger();
const receiver = createGuardedReceiver({
  signingSecret: SIGNING_SECRET,
  logger,
  limits: { bodyBytes: 64 * 1024, inFlightBytes: 100 * 1024, bodyTimeoutMs: 300 },
});
const processed: unknown[] = [];
let port: number;
beforeAll(async () => {
  const app = {
    processEvent: async (event: ReceiverEvent) => {
      processed.push(event.body);
      await event.ack();
    },
  };
  receiver.init(app as unknown as App);
  const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as Server;
  port = (server.address() as AddressInfo).port;
});
afterAll(() => receiver.stop());

/** Starts a POST and sends `first` bytes of a `total`-byte body; `rest()` sends the others. */
function slowPost(total: number, first: number) {
  let answer: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => {
    answer = resolve;
  });
  const req = request(
    {
      host: '127.0.0.1',
      port,
      path: '/slack/events',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(total), ...signatureHeaders('x') },
    },
    (res) => {
      res.resume();
      answer(res.statusCode ?? 0);
    },
  );
  req.on('error', () => answer(-1));
  req.write(Buffer.alloc(first, 'a'));
  return { status, rest: () => req.end(Buffer.alloc(total - first, 'a')) };
}

async function post(body: string, headers: Record<string, string> = signatureHeaders(body)) {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return res.status;
}

describe('the receiver guard', () => {
  it('passes a correctly signed object to the app', async () => {
    expect(await post('{"type":"event_callback","event":{"type":"app_mention","ts":"1.1"}}')).toBe(200);
    expect(processed).toHaveLength(1);
  });

  it('says once, naming SLACK_SIGNING_SECRET, when requests are signed with another secret (a wrong setting)', async () => {
    const body = '{"type":"event_callback","event":{"type":"app_mention","ts":"1.1"}}';
    for (let i = 0; i < 3; i++) expect(await post(body, signatureHeaders(body, 'the-client-secret-instead'))).toBe(401);
    const warnings = logger.lines.filter((line) => line.startsWith('warn'));
    expect(warnings).toEqual([`warn ${SIGNING_SECRET_WARNING}`]);
    expect(SIGNING_SECRET_WARNING).toContain('SLACK_SIGNING_SECRET');
  });

  it('answers 503 when the bodies being read together would pass the shared budget, and recovers after', async () => {
    const first = slowPost(60 * 1024, 50 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = slowPost(60 * 1024, 60 * 1024);
    expect(await second.status).toBe(503);
    first.rest();
    expect(await first.status).toBe(401);
    expect(await post('{"type":"event_callback","event":{"type":"app_mention","ts":"1.1"}}')).toBe(200);
  });

  it('answers 408 to a body that does not arrive in time', async () => {
    const slow = slowPost(10_000, 100);
    expect(await slow.status).toBe(408);
  });

  it('hands nothing to the app from refused requests', async () => {
    const before = processed.length;
    expect(await post('null')).toBe(400);
    expect(await post('{}', {})).toBe(401);
    expect(processed).toHaveLength(before);
  });
});

describe("Slack's ssl_check", () => {
  const form = async (body: string, headers: Record<string, string> = {}) =>
    (
      await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      })
    ).status;

  it('is answered 200 unsigned, as Bolt did, and reaches no listener', async () => {
    const before = processed.length;
    expect(await form('ssl_check=1&token=legacy-token')).toBe(200);
    expect(processed).toHaveLength(before);
  });

  it('smuggles nothing in: any other unsigned form, or a big one, gets 401', async () => {
    expect(await form('command=%2Faws-signin&user_id=U1&text=hi')).toBe(401);
    expect(await form(`ssl_check=1&pad=${'x'.repeat(1000)}`)).toBe(401);
  });
});
