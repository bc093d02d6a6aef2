// One app under attack, in its own process so its memory is its own: `--kind app` is the real app
// (createApp as built into dist/, in HTTP mode, behind its receiver guard), `--kind bolt` a bare Bolt app
// with Bolt's own HTTPReceiver (what the app had before the guard), answering the slash command. Resident
// memory is sampled every 5 ms; bench/security-bench.ts asks for the idle figure and the peak over IPC.
import { existsSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';

const built = join(__dirname, '..', 'dist');
if (!existsSync(join(built, 'app.js'))) {
  process.stderr.write(
    'security-app: dist/app.js is missing; run `npm run build` first (npm run bench:security does)\n',
  );
  process.exit(1);
}
const { createApp } = require(join(built, 'app')) as typeof import('../src/app');
const { openStore } = require(join(built, 'store', 'open-store')) as typeof import('../src/store/open-store');

export type ToSecurityApp = { type: 'idle' } | { type: 'peak' } | { type: 'stop' };
export type FromSecurityApp =
  | { type: 'ready'; port: number }
  | { type: 'idle'; rssMb: number }
  | { type: 'peak'; rssMb: number };

async function main(): Promise<void> {
  const kind = process.argv[process.argv.indexOf('--kind') + 1];
  const apiUrl = process.env.SLACK_API_URL ?? '';
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const logger = new ConsoleLogger();
  logger.setLevel(LogLevel.ERROR);
  const databasePath = join(mkdtempSync(join(tmpdir(), 'aws-signin-security-')), 'aws-signin.sqlite');
  const store = kind === 'app' ? await openStore({ kind: 'sqlite', path: databasePath }) : undefined;
  let app: App;
  if (store) {
    app = createApp(
      {
        botToken: 'xoxb-bench-token',
        signingSecret,
        port: 0,
        slackApiUrl: apiUrl,
        logLevel: 'error',
        databasePath,
        databasePoolSize: 1,
        databaseStatementTimeoutMs: 5000,
        retentionDays: 90,
        adminUserIds: [],
        cardContext: {},
      },
      store,
      { logger },
    ).app;
  } else {
    app = new App({
      token: 'xoxb-bench-token',
      signingSecret,
      logger,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: apiUrl },
    });
    app.command('/aws-signin', async ({ ack, respond }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: 'An answer.' });
    });
  }
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  setInterval(sample, 5).unref();
  const send = (message: FromSecurityApp) => process.send?.(message);
  process.on('message', async (message: ToSecurityApp) => {
    if (message.type === 'idle') {
      global.gc?.();
      global.gc?.();
      peak = 0;
      sample();
      send({ type: 'idle', rssMb: process.memoryUsage.rss() / 2 ** 20 });
    } else if (message.type === 'peak') {
      sample();
      send({ type: 'peak', rssMb: peak / 2 ** 20 });
    } else {
      await app.stop().catch(() => undefined);
      await store?.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  process.stderr.write(`security-app failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
