// One replica of the real app in a process of its own (createApp, HTTP on 127.0.0.1, a random port), for
// tests that kill it with SIGKILL. Its settings come from the environment the test gives it: the fake
// Slack's URL (SLACK_API_URL), the database (REPLICA_DATABASE_URL, REPLICA_DATABASE_SCHEMA). It prints
// `port N` once it listens, and its log lines after that.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsoleLogger } from '@slack/logger';
import { createApp, storeLogging } from '../../src/app';
import { openStore } from '../../src/store/open-store';
import { SIGNING_SECRET } from './slack-requests';

async function main(): Promise<void> {
  const logger = new ConsoleLogger();
  const url = process.env.REPLICA_DATABASE_URL ?? '';
  const schema = process.env.REPLICA_DATABASE_SCHEMA ?? '';
  const store = await openStore(
    { kind: 'postgres', url, poolSize: 5, statementTimeoutMs: 5000, schema },
    storeLogging(() => logger),
  );
  const { app } = createApp(
    {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      port: 0,
      slackApiUrl: process.env.SLACK_API_URL,
      logLevel: 'warn',
      databasePath: '',
      databaseUrl: url,
      databasePoolSize: 5,
      databaseStatementTimeoutMs: 5000,
      retentionDays: 90,
      adminUserIds: [],
      cardContext: { adminContact: '<#C0HELP0001|aws-help>' },
    },
    store,
    { logger },
  );
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`replica failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
