// Starts the real app (src/app.ts createApp, started as `npm start` starts it) in Socket Mode against
// the fake Slack: its Web API and its Socket Mode side (fake-socket-mode.ts), both on 127.0.0.1. The
// database is in a temp folder; logs are captured at every level.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CreateAppOptions, type CreatedApp, createApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import { APP_TOKEN, type FakeSocketMode, type SendOptions, startFakeSocketMode } from './fake-socket-mode';
import { recordingLogger } from './fakes';
import { blockActionPayload, eventPayload, type SlashCommandFields, slashCommandPayload } from './slack-requests';

export interface RunningSocketApp {
  created: CreatedApp;
  slack: FakeSlack;
  socket: FakeSocketMode;
  store: Store;
  config: AppConfig;
  logs: string[];
  /** Settles when `created.start()` does (connected, or refused). */
  started: Promise<void>;
  /** Requests as Slack sends them over the socket; each resolves with the ack. */
  sender: ReturnType<typeof socketSender>;
  stop(): Promise<void>;
}

export interface SocketTestAppOptions extends Pick<CreateAppOptions, 'socketModeBackoff'> {
  /** Runs after the fakes start and before the app does: go offline, make calls fail. */
  beforeStart?: (socket: FakeSocketMode) => Promise<void> | void;
  /** Wait until the app is connected before returning (default true). */
  waitForConnection?: boolean;
}

export function socketSender(socket: FakeSocketMode) {
  return {
    command: (fields: SlashCommandFields, options?: SendOptions) =>
      socket.send('slash_commands', slashCommandPayload(fields), options),
    event: (event: Record<string, unknown>, eventId?: string, options?: SendOptions) =>
      socket.send('events_api', eventPayload(event, eventId), options),
    /** A whole Events API payload (for shapes that are not an event_callback, like app_rate_limited). */
    payload: (payload: Record<string, unknown>, options?: SendOptions) => socket.send('events_api', payload, options),
    click: (fields: Parameters<typeof blockActionPayload>[0], options?: SendOptions) =>
      socket.send('interactive', blockActionPayload(fields), options),
    interactive: (payload: Record<string, unknown>, options?: SendOptions) =>
      socket.send('interactive', payload, options),
  };
}

export async function startSocketTestApp(
  overrides: Partial<AppConfig> = {},
  options: SocketTestAppOptions = {},
): Promise<RunningSocketApp> {
  const slack = await startFakeSlack();
  const socket = await startFakeSocketMode(slack);
  await options.beforeStart?.(socket);
  const tempDir = mkdtempSync(join(tmpdir(), 'aws-signin-socket-'));
  const config: AppConfig = {
    botToken: 'xoxb-test-token',
    appToken: APP_TOKEN,
    port: 0,
    slackApiUrl: slack.apiUrl,
    logLevel: 'debug',
    databasePath: join(tempDir, 'aws-signin.sqlite'),
    databasePoolSize: 5,
    databaseStatementTimeoutMs: 5000,
    retentionDays: 90,
    adminUserIds: [],
    cardContext: { adminContact: '<#C0HELP0001|aws-help>' },
    ...overrides,
  };
  const store = await openStore({ kind: 'sqlite', path: config.databasePath });
  const logger = recordingLogger();
  const created = createApp(config, store, {
    logger,
    ...(options.socketModeBackoff ? { socketModeBackoff: options.socketModeBackoff } : {}),
  });
  const started = created.start().then(() => undefined);
  // A test that expects the start to fail reads `started` itself.
  started.catch(() => undefined);
  if (options.waitForConnection ?? true) {
    await started;
    await socket.waitForConnection();
  }
  let stopped = false;
  return {
    created,
    slack,
    socket,
    store,
    config,
    logs: logger.lines,
    started,
    sender: socketSender(socket),
    async stop() {
      if (stopped) return;
      stopped = true;
      await created.stop(5000);
      await socket.close();
      await slack.close();
      await store.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
