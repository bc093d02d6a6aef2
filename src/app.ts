// The one place that wires the app together: configuration, the database, the knowledge corpus, the
// matcher, the Bolt app and its listeners. `npm start` runs main(); tests call createApp() with their own
// config and a store on a temp file.
import { App, type Logger, LogLevel, webApi } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import { config as loadDotenv } from 'dotenv';
import { type AnswerPath, createAnswerPath } from './answer/create-answer-path';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { KnowledgeError } from './knowledge/load-knowledge';
import { registerListeners } from './listeners';
import { logListenerError } from './listeners/sorry';
import { createBotAuthorize } from './slack/authorize';
import { REJECT_RATE_LIMITED_CALLS, SLACK_CALL_TIMEOUT_MS, SLACK_RETRY_POLICY } from './slack/client-options';
import { createRedactingLogger } from './slack/redacting-logger';
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
}

export interface CreateAppOptions {
  /** Where logs go (default: the console). Every line is redacted of secrets before it gets there. */
  logger?: Logger;
  /** Another answer path instead of the corpus's (tests use a broken one to prove failures are handled). */
  answerPath?: AnswerPath;
}

/** Builds the app on an open store; the caller owns the store and closes it after `app.stop()`. */
export function createApp(config: AppConfig, store: Store, options: CreateAppOptions = {}): CreatedApp {
  const socketMode = Boolean(config.appToken);
  const logger = createRedactingLogger(options.logger ?? new ConsoleLogger());
  logger.setLevel(LOG_LEVELS[config.logLevel]);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: SLACK_RETRY_POLICY,
    rejectRateLimitedCalls: REJECT_RATE_LIMITED_CALLS,
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger,
  };
  const bot = createBotAuthorize(new webApi.WebClient(undefined, clientOptions), config.botToken, logger);
  const app = new App({
    authorize: bot.authorize,
    // No listener reads conversation state, so Bolt need not keep it for every message.
    convoStore: false,
    logger,
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions,
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret }),
  });
  const answerPath =
    options.answerPath ??
    createAnswerPath(config.cardContext, config.knowledgeDir, {
      questions: store.questions,
      // The person still gets the answer, without the buttons that need a stored question.
      onRecordError: (error) => logListenerError(app.logger, 'recording a question', error),
    });
  bot.warmUp();
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
    logListenerError(app.logger, 'request', error);
  });
  return { app, answerPath };
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
export function storeLogging(logger: () => Logger | undefined): StoreOptions {
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return {
    onUnavailable: (error, waiting) =>
      logger()?.error(
        `The database is unreachable (${reason(error)}): still answering, ${waiting} question(s) queued to save when it is back`,
      ),
    onRecovered: (saved) => logger()?.info(`The database is back: ${saved} queued question(s) saved`),
    onLost: (error, lost) => {
      const log = logger();
      if (log) logListenerError(log, `saving ${lost} question(s)`, error);
    },
    onBackgroundError: (error, what) => logger()?.warn(`${what} failed: ${reason(error)}`),
  };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  loadDotenv({ quiet: true });
  let config: AppConfig;
  let store: Store | undefined;
  let created: CreatedApp;
  try {
    config = loadConfig(env);
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
  const stop = async () => {
    await app.stop().catch(() => undefined);
    await openedStore.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const topics = `${answerPath.corpus.topics.length} topics, database ${openedStore.where}`;
  if (config.appToken) {
    await app.start();
    app.logger.info(`AWS sign-in helper running in Socket Mode (${topics})`);
  } else {
    await app.start(config.port);
    app.logger.info(`AWS sign-in helper listening on port ${config.port} at /slack/events (${topics})`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
