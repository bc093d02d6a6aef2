// Starts the real Bolt app (src/app.ts createApp) in HTTP mode on 127.0.0.1 with a random port, its Web
// API client pointed at a fake Slack and its database in a temp folder (or at `databasePath`).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import { SIGNING_SECRET } from './slack-requests';

export interface RunningApp {
  app: App;
  slack: FakeSlack;
  store: Store;
  config: AppConfig;
  eventsUrl: string;
  stop(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<RunningApp> {
  const slack = await startFakeSlack();
  // A temp folder of its own unless the test brings a database (to restart on it).
  const tempDir = overrides.databasePath ? undefined : mkdtempSync(join(tmpdir(), 'aws-signin-app-'));
  const config: AppConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    port: 0,
    slackApiUrl: slack.apiUrl,
    logLevel: 'error',
    databasePath: tempDir ? join(tempDir, 'aws-signin.sqlite') : '',
    adminUserIds: [],
    cardContext: { adminContact: '<#C0HELP0001|aws-help>' },
    ...overrides,
  };
  const store = openStore(config.databasePath);
  const { app } = createApp(config, store);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    app,
    slack,
    store,
    config,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await app.stop();
      await slack.close();
      store.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
