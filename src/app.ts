// The one place that wires the app together: configuration, the knowledge corpus, the matcher,
// the Bolt app and its listeners. `npm start` runs main(); tests call createApp() with their own config.
import { App, LogLevel } from '@slack/bolt';
import { config as loadDotenv } from 'dotenv';
import { type AnswerPath, createAnswerPath } from './answer/create-answer-path';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { KnowledgeError } from './knowledge/load-knowledge';
import { registerListeners } from './listeners';
import { logListenerError } from './listeners/sorry';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function createApp(config: AppConfig, answerPath: AnswerPath): App {
  const socketMode = Boolean(config.appToken);
  const app = new App({
    token: config.botToken,
    logLevel: LOG_LEVELS[config.logLevel],
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret }),
    ...(config.slackApiUrl ? { clientOptions: { slackApiUrl: config.slackApiUrl } } : {}),
  });
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
