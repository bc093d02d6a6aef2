// Socket Mode that rides out outages. Bolt's SocketModeReceiver gives its client the app's Web API
// options: with our short retry policy, `apps.connections.open` gave up within a second of an outage
// and threw inside the client's reconnect timer (an unhandled rejection, and the process exited).
// Here the Socket Mode client has its own options and its own reconnect loop, owned by us: reconnect
// with backoff for as long as it takes, one log line when the connection is lost and one when it is
// back, start-up that waits for Slack, and a wrong app token reported naming SLACK_APP_TOKEN.
import {
  type App,
  defaultProcessEventErrorHandler,
  type Logger,
  type LogLevel,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import { createQuietLogger } from './quiet-logger';
import { describeSlackFailure, isTokenRefusal, SlackTokenError, slackErrorCode } from './slack-errors';

export interface SocketModeBackoff {
  /** Wait before the second attempt; each failure doubles it, up to `maxDelayMs` (randomised by 20%). */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A refused app token is retried (and logged) this often while the app runs. */
  tokenRetryMs: number;
}

/**
 * The longest wait between attempts stays under 10 s, so the app answers again within about 10 s of
 * Slack being back, however long the outage was. Tests use these same numbers for outages.
 */
export const SOCKET_MODE_BACKOFF: SocketModeBackoff = {
  firstDelayMs: 1000,
  maxDelayMs: 8000,
  tokenRetryMs: 60_000,
};

/** One attempt per call: the loop below does the waiting, so no attempt hides a retry loop of its own. */
const SOCKET_CLIENT_RETRIES: webApi.RetryOptions = { retries: 0 };
const SOCKET_CLIENT_TIMEOUT_MS = 10_000;

export interface SocketModeReceiverOptions {
  appToken: string;
  logger: Logger;
  logLevel: LogLevel;
  slackApiUrl?: string;
  backoff?: Partial<SocketModeBackoff>;
}

// What the Socket Mode client logs at debug level includes every payload in full (a person's
// question, with any secret they pasted): those lines are dropped. Its warnings and errors repeat on
// every attempt during an outage; the receiver logs the state instead, so they go to debug.
const PAYLOAD_LINES = [
  'Received a message on the WebSocket',
  'Sending a WebSocket message',
  'Calling ack()',
  'Unable to parse an incoming WebSocket message',
];

/** Slack's Socket Mode `disconnect` message: a routine refresh, not an outage. */
function isDisconnectMessage(data: unknown): boolean {
  if (typeof data !== 'string' || !data.includes('"disconnect"')) return false;
  try {
    return (JSON.parse(data) as { type?: unknown }).type === 'disconnect';
  } catch {
    return false;
  }
}

/**
 * An events_api envelope with no event inside (Slack's `app_rate_limited` notice) made the Socket Mode
 * client throw reading `payload.event.type`: a rejection nobody handled, and the envelope never acked.
 * Such an envelope is handed on under its payload's own type, which the client passes to Bolt whole.
 */
export function withRoutableEnvelope(data: unknown): unknown {
  if (typeof data !== 'string' || !data.includes('"events_api"') || data.includes('"event":{')) return data;
  try {
    const envelope = JSON.parse(data) as { type?: unknown; payload?: { type?: unknown; event?: unknown } };
    if (envelope.type !== 'events_api' || typeof envelope.payload?.event === 'object') return data;
    const type = typeof envelope.payload?.type === 'string' ? envelope.payload.type : 'events_api_without_event';
    return JSON.stringify({ ...envelope, type });
  } catch {
    return data;
  }
}

type SocketModeClient = SocketModeReceiver['client'];
type MessageListener = (data: unknown, isBinary: boolean) => void;

export class SupervisedSocketModeReceiver implements Receiver {
  private readonly inner: SocketModeReceiver;
  private readonly client: SocketModeClient;
  private readonly logger: Logger;
  private readonly backoff: SocketModeBackoff;
  private stopping = false;
  private connected = false;
  private refreshRequested = false;
  private wake: (() => void) | undefined;
  private reconnecting: Promise<void> | undefined;

  constructor(options: SocketModeReceiverOptions) {
    this.logger = options.logger;
    this.backoff = { ...SOCKET_MODE_BACKOFF, ...options.backoff };
    this.inner = new SocketModeReceiver({
      appToken: options.appToken,
      logger: createQuietLogger(options.logger, PAYLOAD_LINES),
      logLevel: options.logLevel,
      autoReconnectEnabled: false,
      installerOptions: {
        clientOptions: {
          ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
          retryConfig: SOCKET_CLIENT_RETRIES,
          rejectRateLimitedCalls: true,
          timeout: SOCKET_CLIENT_TIMEOUT_MS,
        },
      },
      // Bolt's handler, with the app's logger rather than the quiet one.
      processEventErrorHandler: (args) => defaultProcessEventErrorHandler({ ...args, logger: this.logger }),
    });
    this.client = this.inner.client;
    // The client's own message handler runs after ours, on an envelope it can route.
    const [handleMessage] = this.client.listeners('ws_message') as MessageListener[];
    this.client.removeAllListeners('ws_message');
    this.client.on('ws_message', (data: unknown, isBinary: boolean) => {
      if (isDisconnectMessage(data)) this.refreshRequested = true;
      handleMessage?.(withRoutableEnvelope(data), isBinary);
    });
    this.client.on('disconnected', () => this.onDisconnected());
  }

  init(app: App): void {
    this.inner.init(app);
  }

  /** Resolves once connected, however long Slack takes to be reachable; rejects only for a refused token. */
  async start(): Promise<void> {
    this.stopping = false;
    await this.connect('start');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    // Bolt's receiver.stop() does not wait for the close handshake; the client's disconnect() does.
    await this.client.disconnect();
    await this.reconnecting;
  }

  /** Waits as the reconnect loop does after `failures` failed attempts (or less, if the app stops). */
  pause(failures: number): Promise<void> {
    return this.sleep(this.delayAfter(failures, undefined));
  }

  /** Whether the WebSocket is open and Slack has said hello. */
  isConnected(): boolean {
    return this.connected;
  }

  private onDisconnected(): void {
    if (!this.connected || this.stopping) return;
    this.connected = false;
    const routine = this.refreshRequested;
    this.refreshRequested = false;
    if (routine) {
      this.logger.debug('Slack asked for a new Socket Mode connection (routine); reconnecting');
    } else {
      this.logger.warn('Lost the connection to Slack (Socket Mode); reconnecting until it is back');
    }
    this.reconnecting = this.connect(routine ? 'refresh' : 'lost').catch((error: unknown) => {
      this.logger.error(`Socket Mode reconnection stopped: ${describeSlackFailure(error)}`);
    });
  }

  private async connect(reason: 'start' | 'lost' | 'refresh'): Promise<void> {
    const since = Date.now();
    let failures = 0;
    // After a loss the "lost" line is already out; at start nothing is said unless the first try fails.
    let announced = reason === 'lost';
    while (!this.stopping) {
      try {
        await this.openOnce();
        this.connected = true;
        if (announced) {
          const seconds = Math.round((Date.now() - since) / 1000);
          this.logger.info(`Connected to Slack again (Socket Mode), after ${seconds} s`);
        }
        return;
      } catch (error) {
        if (this.stopping) return;
        if (isTokenRefusal(error)) {
          const refused = new SlackTokenError('SLACK_APP_TOKEN', slackErrorCode(error) ?? 'invalid_auth');
          if (reason === 'start') throw refused;
          // Once a minute at most: one line per attempt, an attempt a minute.
          this.logger.error(`${refused.message} Trying again in a minute.`);
          announced = true;
          await this.sleep(this.backoff.tokenRetryMs);
          continue;
        }
        failures++;
        if (!announced) {
          announced = true;
          this.logger.warn(
            reason === 'start'
              ? `Slack is not reachable yet (${describeSlackFailure(error)}); the app keeps trying and starts when it is`
              : `Lost the connection to Slack (${describeSlackFailure(error)}); reconnecting until it is back`,
          );
        }
        await this.sleep(this.delayAfter(failures, error));
      }
    }
  }

  /**
   * One attempt: a new WebSocket URL, the WebSocket, and Slack's hello. A WebSocket that cannot
   * connect fails within undici's connect timeout (10 s); the client rejects when it closes.
   */
  private async openOnce(): Promise<void> {
    try {
      await this.client.start();
    } catch (error) {
      throw error ?? new Error('the WebSocket closed before Slack said hello');
    }
  }

  private delayAfter(failures: number, error: unknown): number {
    const exponential = Math.min(this.backoff.maxDelayMs, this.backoff.firstDelayMs * 2 ** (failures - 1));
    const randomised = exponential * (0.8 + Math.random() * 0.4);
    const retryAfter = (error as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (typeof retryAfter === 'number') return Math.max(randomised, retryAfter * 1000);
    return Math.min(randomised, this.backoff.maxDelayMs);
  }

  /** Waits, or returns at once when the app stops. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
