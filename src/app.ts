// The one place that wires the app together: configuration, the database, the knowledge corpus, the
// matcher, the Bolt app and its listeners. `npm start` runs main(); tests call createApp() with their own
// config and a store on a temp file.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, LogLevel, webApi } from '@slack/bolt';
import { type AnswerPath, createAnswerPath } from './answer/create-answer-path';
import { type AppConfig, ConfigError, loadConfig, loadEnvFile } from './config';
import { KnowledgeError } from './knowledge/load-knowledge';
import { registerListeners } from './listeners';
import { logListenerError } from './listeners/sorry';
import { isRefusedTokenError, withoutPerRequestAuthWarning } from './slack/authorization-logging';
import { createBotAuthorize, waitForBotIdentity } from './slack/authorize';
import { REJECT_RATE_LIMITED_CALLS, SLACK_CALL_TIMEOUT_MS, SLACK_RETRY_POLICY } from './slack/client-options';
import { createConsoleLogger } from './slack/console-logger';
import { createEventGate } from './slack/event-gate';
import { createGuardedReceiver } from './slack/guarded-receiver';
import { createHealthRoute, stopHttpServer } from './slack/http-lifecycle';
import { installProcessGuard } from './slack/process-guard';
import { createQuietLogger } from './slack/quiet-logger';
import { createRedactingLogger } from './slack/redacting-logger';
import { SlackTokenError } from './slack/slack-errors';
import { type SocketModeBackoff, SupervisedSocketModeReceiver } from './slack/socket-mode';
import { openStore, type StoreOptions, type StoreTarget } from './store/open-store';
import { StoreError } from './store/store-error';
import type { Store } from './store/types';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface CreatedApp {
  app: App;
  answerPath: AnswerPath;
  /**
   * Checks the bot token and starts taking requests. Socket Mode: resolves once connected, waiting for
   * Slack as long as it takes. HTTP: resolves once listening (Slack unreachable is only logged).
   * Rejects with a SlackTokenError when Slack refuses a token.
   */
  start(listen?: { port: number; host?: string }): Promise<Server | undefined>;
  /**
   * Graceful stop: stops taking requests, waits (up to `drainMs`) for the ones being worked on to be
   * answered, then resolves; the caller then closes the store, which writes what is pending.
   */
  stop(drainMs?: number): Promise<{ drained: boolean }>;
  /** HTTP mode, once started: where the server listens. */
  address(): AddressInfo | undefined;
}

export interface CreateAppOptions {
  /** Where logs go (default: the console). Every line is redacted of secrets before it gets there. */
  logger?: Logger;
  /** Another answer path instead of the corpus's (tests use a broken one to prove failures are handled). */
  answerPath?: AnswerPath;
  /** Socket Mode reconnection timing (tests shorten the wait after a refused token only). */
  socketModeBackoff?: Partial<SocketModeBackoff>;
}

/** Longest a graceful stop waits for requests in flight (a reply may wait out a 10 s Retry-After). */
export const DRAIN_TIMEOUT_MS = 25_000;

/** Builds the app on an open store; the caller owns the store and closes it after `created.stop()`. */
export function createApp(config: AppConfig, store: Store, options: CreateAppOptions = {}): CreatedApp {
  const logger = withoutPerRequestAuthWarning(createRedactingLogger(options.logger ?? createConsoleLogger()));
  logger.setLevel(LOG_LEVELS[config.logLevel]);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: SLACK_RETRY_POLICY,
    rejectRateLimitedCalls: REJECT_RATE_LIMITED_CALLS,
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger,
  };
  // auth.test failures are logged by the authorize function, once, not by the client on every attempt.
  const botIdentityClient = new webApi.WebClient(undefined, { ...clientOptions, logger: createQuietLogger(logger) });
  const bot = createBotAuthorize(botIdentityClient, config.botToken, logger);
  let stopping = false;
  // Socket Mode gets a receiver of its own, with its own Web API options and reconnect loop (see
  // slack/socket-mode.ts); HTTP gets Bolt's receiver plus a health route for load balancers.
  const socketReceiver = config.appToken
    ? new SupervisedSocketModeReceiver({
        appToken: config.appToken,
        logger,
        logLevel: LOG_LEVELS[config.logLevel],
        slackApiUrl: config.slackApiUrl,
        backoff: options.socketModeBackoff,
      })
    : undefined;
  const app = new App({
    authorize: bot.authorize,
    // No listener reads conversation state, so Bolt need not keep it for every message.
    convoStore: false,
    logger,
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions,
    ...(socketReceiver
      ? { receiver: socketReceiver }
      : // HTTP: Bolt's receiver behind our guard (body cap, timestamps both ways, replays, body shape).
        {
          receiver: createGuardedReceiver({
            signingSecret: config.signingSecret ?? '',
            logger,
            customRoutes: [createHealthRoute(() => stopping)],
          }),
        }),
  });
  const gate = createEventGate(app, logger);
  const answerPath =
    options.answerPath ??
    createAnswerPath(config.cardContext, config.knowledgeDir, {
      questions: store.questions,
      // The person still gets the answer, without the buttons that need a stored question.
      onRecordError: (error) => logListenerError(app.logger, 'recording a question', error),
    });
  if (!socketReceiver) bot.warmUp();
  registerListeners(app, {
    answerer: answerPath.answerer,
    corpus: answerPath.corpus,
    store,
    cardContext: config.cardContext,
    adminUserIds: new Set(config.adminUserIds),
  });
  // Last line of defence: listeners handle their own errors; this logs anything that still escapes,
  // with its message only (never the request body, which can carry a person's secrets).
  app.error(async (error) => {
    if (isRefusedTokenError(error)) return;
    logListenerError(app.logger, 'request', error);
  });
  let server: Server | undefined;
  return {
    app,
    answerPath,
    async start(listen) {
      if (socketReceiver) {
        // Nothing can be answered without the bot's identity: wait for it as for the connection.
        await waitForBotIdentity(bot.check, logger, (failures) => socketReceiver.pause(failures));
        await app.start();
        return undefined;
      }
      // HTTP: listen at once (Slack may be down: warmUp logged it, and requests are acked and logged
      // meanwhile), but a token Slack refuses stops the start.
      const identity = bot.check();
      identity.catch(() => undefined);
      server = (await app.start(
        listen ?? { port: config.port, ...(config.host ? { host: config.host } : {}) },
      )) as Server;
      try {
        await identity;
      } catch (error) {
        if (error instanceof SlackTokenError) {
          await stopHttpServer(server).catch(() => undefined);
          throw error;
        }
      }
      return server;
    },
    address: () => {
      const address = server?.address();
      return address && typeof address === 'object' ? address : undefined;
    },
    async stop(drainMs = DRAIN_TIMEOUT_MS) {
      stopping = true;
      if (server) await stopHttpServer(server);
      else await app.stop().catch(() => undefined);
      return { drained: await gate.drained(drainMs) };
    },
  };
}

/** SQLite at DATABASE_PATH, or PostgreSQL when DATABASE_URL is set: chosen here, once. */
export function storeTargetOf(config: AppConfig): StoreTarget {
  return config.databaseUrl
    ? {
        kind: 'postgres',
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
        statementTimeoutMs: config.databaseStatementTimeoutMs,
      }
    : { kind: 'sqlite', path: config.databasePath };
}

/**
 * What the store reports while running, to the app's log: an outage once when it starts and once when
 * the queue has caught up (never per question), and questions that will never be saved.
 */
export function storeLogging(appLogger: () => Logger | undefined): StoreOptions {
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  // Before the app (and its logger) exists: the retention run at start. Its failure must be seen too.
  let startLogger: Logger | undefined;
  const logger = (): Logger => {
    const current = appLogger();
    if (current) return current;
    startLogger ??= createRedactingLogger(createConsoleLogger());
    return startLogger;
  };
  return {
    onUnavailable: (error, waiting) =>
      logger().error(
        `The database is unreachable (${reason(error)}): still answering, ${waiting} question(s) queued to save when it is back`,
      ),
    onRecovered: (saved) => logger().info(`The database is back: ${saved} queued question(s) saved`),
    onLost: (error, lost) => logListenerError(logger(), `saving ${lost} question(s)`, error),
    onBackgroundError: (error, what) => logger().warn(`${what} failed: ${reason(error)}`),
  };
}

export const NOBODY_CAN_CLAIM_WARNING =
  'ESCALATION_CHANNEL is set but ADMIN_USER_IDS is empty: "Ask my administrator" posts there, yet nobody can press I\'m on it or Resolved. Set ADMIN_USER_IDS to the member IDs of the administrators who answer.';

/** Why HTTP mode could not listen, naming the setting to change; undefined for any other error. */
export function cannotListen(error: unknown, config: Pick<AppConfig, 'port' | 'host'>): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = config.host ? `on ${config.host}` : 'on every interface';
  switch (code) {
    case 'EADDRINUSE':
      return `PORT ${config.port} is already in use ${where} (is the app already running?): stop the other process or set PORT to a free port`;
    case 'EACCES':
      return `PORT ${config.port} needs privileges this process does not have: set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${config.host ?? ''} is not an address of this machine: set HOST to one of its addresses, like 127.0.0.1 or 0.0.0.0, or leave it unset`;
    default:
      return undefined;
  }
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: AppConfig;
  let store: Store | undefined;
  let created: CreatedApp;
  try {
    config = loadConfig(env, loadEnvFile(env));
    let logger: Logger | undefined;
    // Questions are saved just after they are answered; a failure then can only be logged.
    store = await openStore(storeTargetOf(config), {
      ...storeLogging(() => logger),
      retentionDays: config.retentionDays,
    });
    created = createApp(config, store);
    logger = created.app.logger;
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { app, answerPath } = created;
  const openedStore = store;
  installProcessGuard(app.logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info(`${signal}: finishing the requests in flight, then stopping`);
    const { drained } = await created.stop().catch(() => ({ drained: false }));
    if (!drained) app.logger.warn('Stopped before every request in flight had finished');
    await openedStore.close().catch(() => undefined);
    app.logger.info('Stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const topics = `${answerPath.corpus.topics.length} topics, database ${openedStore.where}`;
  try {
    await created.start();
  } catch (error) {
    await openedStore.close().catch(() => undefined);
    const said = error instanceof SlackTokenError ? error.message : cannotListen(error, config);
    if (said) {
      process.stderr.write(`Could not start: ${said}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config.cardContext.escalationChannel && config.adminUserIds.length === 0) {
    // Allowed (the posts still reach the channel), but nobody could ever take or close one.
    app.logger.warn(NOBODY_CAN_CLAIM_WARNING);
  }
  if (config.appToken) {
    app.logger.info(`AWS sign-in helper running in Socket Mode (${topics})`);
  } else {
    const address = created.address();
    app.logger.info(
      `AWS sign-in helper listening on port ${address?.port ?? config.port} at /slack/events (${topics})`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
