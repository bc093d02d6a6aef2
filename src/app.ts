// The one place that wires the app together: configuration, the knowledge corpus, the matcher,
// the Bolt app and its listeners. `npm start` runs main(); tests call createApp() with their own config.
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
import { createRedeliveryFilter } from './slack/redelivered-events';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface CreateAppOptions {
  /** Where logs go (default: the console). Every line is redacted of secrets before it gets there. */
  logger?: Logger;
}

export function createApp(config: AppConfig, answerPath: AnswerPath, options: CreateAppOptions = {}): App {
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
    logger,
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions,
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret }),
  });
  bot.warmUp();
  // Before any listener: a redelivered event must not be answered a second time.
  app.use(createRedeliveryFilter());
  registerListeners(app, { answerer: answerPath.answerer });
  // Last line of defence: listeners handle their own errors; this logs anything that still escapes,
  // with its message only (never the request body, which can carry a person's secrets).
  app.error(async (error) => {
    logListenerError(app.logger, 'request', error);
  });
  return app;
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  loadDotenv({ quiet: true });
  let config: AppConfig;
  let answerPath: AnswerPath;
  try {
    config = loadConfig(env);
    answerPath = createAnswerPath(config.cardContext, config.knowledgeDir);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp(config, answerPath);
  if (config.appToken) {
    await app.start();
    app.logger.info(`AWS sign-in helper running in Socket Mode (${answerPath.corpus.topics.length} topics)`);
  } else {
    await app.start(config.port);
    app.logger.info(
      `AWS sign-in helper listening on port ${config.port} at /slack/events (${answerPath.corpus.topics.length} topics)`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
