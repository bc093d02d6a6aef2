// Starts the real Bolt app (src/app.ts createApp) in HTTP mode on 127.0.0.1 with a random port, its Web
// API client pointed at a fake Slack, its database in a temp folder (or at `databasePath`), and its
// logs captured (every level) for tests to read.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import type { AnswerPath } from '../../src/answer/create-answer-path';
import { createApp, storeLogging, storeTargetOf } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { openStore, type StoreTarget } from '../../src/store/open-store';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import { recordingLogger } from './fakes';
import { SIGNING_SECRET, slackSender } from './slack-requests';

export interface RunningApp {
  app: App;
  slack: FakeSlack;
  store: Store;
  config: AppConfig;
  eventsUrl: string;
  /** Everything the app logged, at every level, as "level message" lines. */
  logs: string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Another answer path (a broken one, to test failures). */
  answerPath?: AnswerPath;
  /** Runs after the fake Slack starts and before the app does: to make start-up calls fail. */
  beforeStart?: (slack: FakeSlack) => void;
  /** Another database (PostgreSQL, for replicas) instead of SQLite at `databasePath`. */
  storeTarget?: StoreTarget;
  /** A fake Slack shared with other replicas (the caller closes it), instead of one of its own. */
  slack?: FakeSlack;
}

export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): Promise<RunningApp> {
  const slack = options.slack ?? (await startFakeSlack());
  options.beforeStart?.(slack);
  // A temp folder of its own unless the test brings a database (to restart on it).
  const tempDir = overrides.databasePath ? undefined : mkdtempSync(join(tmpdir(), 'aws-signin-app-'));
  const config: AppConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    port: 0,
    slackApiUrl: slack.apiUrl,
    logLevel: 'debug',
    databasePath: tempDir ? join(tempDir, 'aws-signin.sqlite') : '',
    databasePoolSize: 5,
    databaseStatementTimeoutMs: 5000,
    retentionDays: 90,
    adminUserIds: [],
    cardContext: { adminContact: '<#C0HELP0001|aws-help>' },
    ...overrides,
  };
  const logger = recordingLogger();
  const store = await openStore(options.storeTarget ?? storeTargetOf(config), {
    ...storeLogging(() => logger),
    retryMs: 200,
  });
  const { app } = createApp(config, store, {
    logger,
    ...(options.answerPath ? { answerPath: options.answerPath } : {}),
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  // The app checks its token at start; wait for that so tests see only the calls they cause.
  const authTests = options.slack ? slack.callsTo('auth.test').length : 0;
  await slack.waitFor(() => slack.callsTo('auth.test').length > authTests);
  return {
    app,
    slack,
    store,
    config,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    logs: logger.lines,
    async stop() {
      await app.stop();
      if (!options.slack) await slack.close();
      await store.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** Fails the test file if any promise rejection or exception escapes while it runs. */
export function watchUnhandled(): { escaped: unknown[]; stop(): void } {
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  return {
    escaped,
    stop() {
      process.off('unhandledRejection', onEscape);
      process.off('uncaughtException', onEscape);
    },
  };
}

export type SlackSender = ReturnType<typeof slackSender>;

/**
 * Starts the app once for a test file and stops it after, failing the file if any rejection or
 * exception escaped meanwhile. `onStarted` hands the running app and a request sender to the file.
 */
export function useTestApp(
  onStarted: (started: { running: RunningApp; sender: SlackSender }) => void,
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): void {
  const unhandled = watchUnhandled();
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startTestApp(overrides, options);
    onStarted({ running, sender: slackSender(running.eventsUrl) });
  });
  afterAll(async () => {
    await running?.stop();
    unhandled.stop();
    expect(unhandled.escaped).toEqual([]);
  });
}
