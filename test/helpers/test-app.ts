// Starts the real Bolt app (src/app.ts createApp) in HTTP mode on 127.0.0.1 with a random port,
// its Web API client pointed at a fake Slack.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { createAnswerPath } from '../../src/answer/create-answer-path';
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import { SIGNING_SECRET } from './slack-requests';

export interface RunningApp {
  app: App;
  slack: FakeSlack;
  eventsUrl: string;
  stop(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<RunningApp> {
  const slack = await startFakeSlack();
  const config: AppConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    port: 0,
    slackApiUrl: slack.apiUrl,
    logLevel: 'error',
    cardContext: { adminContact: '<#C0HELP0001|aws-help>' },
    ...overrides,
  };
  const app = createApp(config, createAnswerPath(config.cardContext));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    app,
    slack,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
}
