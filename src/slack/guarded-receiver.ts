// The HTTP front door: Bolt's HTTPReceiver, with a guard in front of its request listener. Bolt reads a
// whole body (up to 4 MB) before it checks the signature, accepts timestamps from the future, answers
// the same signed request as often as it is sent, and stops the process on a signed `null` body. The
// guard, before a byte of the body is buffered, refuses requests without well-formed signature headers
// or with a timestamp more than five minutes either side of now; it then reads at most BODY_BYTES of
// body, within a budget shared by every request in flight; checks the signature itself; answers a
// replayed signature once; and refuses a body of the wrong shape. Only then does Bolt see the request,
// with the body already read (Bolt uses it as is and checks the signature again).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPReceiver, type Logger } from '@slack/bolt';
import { checkRequestShape } from './request-shape';

export const RECEIVER_LIMITS = {
  /** Largest body read. Slack's own requests stay far below it (a 40,000-character message is ~100 KB). */
  bodyBytes: 1024 * 1024,
  /** Body bytes held by all requests in flight together; past it, new requests get 503 until some finish. */
  inFlightBytes: 32 * 1024 * 1024,
  /** Slack's rule: a timestamp more than five minutes from now, either way, is refused. */
  clockSkewSeconds: 5 * 60,
  /** How long a client may take to send its body; Slack sends it at once. */
  bodyTimeoutMs: 10_000,
  /** Signatures remembered to spot replays (each lives five minutes past its timestamp at most). */
  replayEntries: 100_000,
} as const;

export type ReceiverLimits = { -readonly [K in keyof typeof RECEIVER_LIMITS]: number };

export const EVENTS_PATH = '/slack/events';

/** `ssl_check=1&token=…`: the only request Slack may send unsigned. */
const SSL_CHECK_BYTES = 512;

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Routes other than the events endpoint (a health check): served by Bolt's receiver, unguarded. */
  customRoutes?: CustomRoute[];
  limits?: Partial<ReceiverLimits>;
  now?: () => number;
}

type Rejection = 400 | 401 | 408 | 413 | 503;

const SIGNATURE_MISMATCH = 'signature mismatch';
/** A wrong SLACK_SIGNING_SECRET refuses every request Slack sends: said at most this often, not per request. */
const MISMATCH_WARNING_EVERY_MS = 60_000;
export const SIGNING_SECRET_WARNING =
  "Refused a request from Slack whose signature does not match SLACK_SIGNING_SECRET. If no command, mention or click gets an answer (Slack says dispatch_failed), set SLACK_SIGNING_SECRET to the Signing Secret on the app's Basic Information page, not its Client Secret or Verification Token.";

/** A request the guard refused, with a reason for the debug log (never the body). */
class Refused extends Error {
  constructor(
    readonly status: Rejection,
    reason: string,
  ) {
    super(reason);
  }
}

export function createGuardedReceiver(options: GuardedReceiverOptions): HTTPReceiver {
  const limits: ReceiverLimits = { ...RECEIVER_LIMITS, ...options.limits };
  const { logger, signingSecret } = options;
  const now = options.now ?? Date.now;
  const receiver = new HTTPReceiver({
    signingSecret,
    logger,
    endpoints: [EVENTS_PATH],
    bodyLimit: limits.bodyBytes,
    customRoutes: options.customRoutes ?? [],
  });
  const bolt = receiver.requestListener;
  const replays = createReplayMemory(limits, now);
  let lastMismatchWarning = Number.NEGATIVE_INFINITY;
  let inFlight = 0;

  async function admit(req: IncomingMessage, res: ServerResponse): Promise<Buffer | 'replayed' | 'ssl-check'> {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || !/^v0=[0-9a-f]{64}$/.test(signature)) {
      if (await isSslCheck(req, res)) return 'ssl-check';
      throw new Refused(401, 'no well-formed signature');
    }
    if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp))
      throw new Refused(401, 'no well-formed timestamp');
    if (Math.abs(now() / 1000 - Number(timestamp)) > limits.clockSkewSeconds)
      throw new Refused(401, 'timestamp more than five minutes from now');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.bodyBytes) throw new Refused(413, 'body larger than the limit');
    if (inFlight + declared > limits.inFlightBytes) throw new Refused(503, 'too many bodies in flight');

    const body = await readBody(req, res);
    const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest();
    const given = Buffer.from(signature.slice(3), 'hex');
    if (!timingSafeEqual(expected, given)) throw new Refused(401, SIGNATURE_MISMATCH);
    if (!replays.firstTime(signature, Number(timestamp))) return 'replayed';
    const shape = checkRequestShape(body.toString('utf8'), req.headers['content-type']);
    if (!shape.ok) throw new Refused(400, shape.reason);
    return body;
  }

  /**
   * Slack's `ssl_check=1` (when a slash command's URL is saved) may come unsigned; Bolt answers it with
   * 200 and does nothing else. Only a tiny form body is read to tell, so it costs an attacker nothing.
   */
  async function isSslCheck(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const declared = Number(req.headers['content-length']);
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded' || !(declared <= SSL_CHECK_BYTES))
      return false;
    const body = await readBody(req, res);
    return new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
  }

  /** Reads the body, counting it against the shared budget until the response is over. */
  function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      res.once('close', () => {
        inFlight -= size;
      });
      const finish = (error?: Refused) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        req.off('data', onData);
        if (error) {
          chunks.length = 0;
          reject(error);
        } else resolve(Buffer.concat(chunks, size));
      };
      const timer = setTimeout(() => finish(new Refused(408, 'body too slow')), limits.bodyTimeoutMs);
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        inFlight += chunk.length;
        if (size > limits.bodyBytes) finish(new Refused(413, 'body larger than the limit'));
        else if (inFlight > limits.inFlightBytes) finish(new Refused(503, 'too many bodies in flight'));
        else chunks.push(chunk);
      };
      req.on('data', onData);
      req.once('end', () => finish());
      req.once('error', () => finish(new Refused(400, 'body not received')));
      req.once('aborted', () => finish(new Refused(400, 'body not received')));
    });
  }

  receiver.requestListener = (req, res) => {
    if (!isEventsPost(req)) {
      bolt(req, res);
      return;
    }
    admit(req, res).then(
      (body) => {
        if (body === 'ssl-check') {
          reply(req, res, 200);
          return;
        }
        if (body === 'replayed') {
          logger.info('Ignored a replayed request (its signature was already answered)');
          reply(req, res, 200);
          return;
        }
        // Bolt uses a body already read as it is (a BufferedIncomingMessage).
        Object.assign(req, { rawBody: body });
        try {
          bolt(req, res);
        } catch (error) {
          logger.error(`The receiver failed on a request: ${error instanceof Error ? error.message : String(error)}`);
          reply(req, res, 500);
        }
      },
      (error: unknown) => {
        const status = error instanceof Refused ? error.status : 400;
        const reason = error instanceof Error ? error.message : String(error);
        // Well formed and recent, yet signed with another secret: most likely the setting is wrong, and
        // then every request fails. Once a minute at most, so a flood of forged requests cannot fill the log.
        if (reason === SIGNATURE_MISMATCH && now() - lastMismatchWarning >= MISMATCH_WARNING_EVERY_MS) {
          lastMismatchWarning = now();
          logger.warn(SIGNING_SECRET_WARNING);
        } else logger.debug(`Refused a request with ${status}: ${reason}`);
        reply(req, res, status);
      },
    );
  };
  return receiver;
}

function isEventsPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const path = (req.url ?? '').split('?')[0];
  return path === EVENTS_PATH;
}

/**
 * Answers without reading any more of the body: what is left is discarded as it arrives (never kept),
 * and the connection closes after the answer, so a client cannot queue more requests behind a refused one.
 */
function reply(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    connection: 'close',
    ...(status === 503 ? { 'retry-after': '1' } : {}),
  });
  res.end();
  req.resume();
}

/**
 * Signatures of requests already let through, so a replay of one within its five minutes is not answered
 * again. Only correctly signed requests are remembered: nobody without the signing secret can fill it.
 */
function createReplayMemory(limits: ReceiverLimits, now: () => number) {
  const seen = new Map<string, number>();
  return {
    firstTime(signature: string, timestampSeconds: number): boolean {
      const at = now();
      // Past this moment the timestamp check refuses the request anyway.
      const forgetAt = (timestampSeconds + limits.clockSkewSeconds) * 1000 + 1000;
      const known = seen.get(signature);
      if (known !== undefined && known > at) return false;
      seen.delete(signature);
      for (const [key, until] of seen) {
        if (until > at && seen.size < limits.replayEntries) break;
        seen.delete(key);
      }
      seen.set(signature, forgetAt);
      return true;
    },
  };
}
