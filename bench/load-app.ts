// One app under load, in its own process so its CPU and memory are its own: `--kind app` is the real
// app (createApp, as built into dist/, in HTTP mode), `--kind bare` a bare Bolt app that acks and
// answers every request with one fixed card (the floor this machine allows). Both listen on 127.0.0.1
// and call the fake Slack at SLACK_API_URL. bench/load.ts starts it with --expose-gc and talks to it
// over IPC.
import { existsSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Logger, LogLevel } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import type { Card, CardContext } from '../src/cards/types';

// The app as `npm start` runs it: the JavaScript tsc built into dist/ (bench:load builds it first), not
// the TypeScript sources through tsx, whose output wraps every function it creates in a naming helper.
const built = join(__dirname, '..', 'dist');
if (!existsSync(join(built, 'app.js'))) {
  process.stderr.write('load-app: dist/app.js is missing; run `npm run build` first (npm run bench:load does)\n');
  process.exit(1);
}
const { createAnswerPath } = require(
  join(built, 'answer', 'create-answer-path'),
) as typeof import('../src/answer/create-answer-path');
const { createApp, storeLogging } = require(join(built, 'app')) as typeof import('../src/app');
const { openStore } = require(join(built, 'store', 'open-store')) as typeof import('../src/store/open-store');

const CARD_CONTEXT: CardContext = { adminContact: '<#C0HELP0001|aws-help>' };

export type AppKind = 'app' | 'bare';

/** `gc`: collect fully first, so the heap figure is what the app still holds (only around the whole run). */
export type ToApp = { type: 'stats'; gc: boolean } | { type: 'stop' };
export interface AppStats {
  heapUsedMb: number;
  rssMb: number;
  /** Process CPU time (user + system) so far, in milliseconds. */
  cpuMs: number;
  warnings: number;
  errors: number;
  /** The first few warning and error lines, to say what went wrong. */
  problems: string[];
}
export type FromApp = { type: 'ready'; port: number } | ({ type: 'stats' } & AppStats);

/** `--card small`: a three-block card; far smaller than what the app sends, so it flatters the floor. */
const SMALL_CARD = {
  text: 'Here is what to do.',
  blocks: [
    { type: 'header' as const, text: { type: 'plain_text' as const, text: 'A fixed answer' } },
    { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '1. Do this.\n2. Then that.' } },
    {
      type: 'actions' as const,
      block_id: 'follow_ups',
      elements: [
        {
          type: 'button' as const,
          action_id: 'still_stuck',
          text: { type: 'plain_text' as const, text: 'Still stuck?' },
        },
      ],
    },
  ],
};

/** Counts warnings and errors (the benchmark's "errors"), printing the first few. */
function countingLogger(): { logger: Logger; counts: { warnings: number; errors: number; problems: string[] } } {
  const inner = new ConsoleLogger();
  const counts = { warnings: 0, errors: 0, problems: [] as string[] };
  const note = (line: string) => {
    if (counts.problems.length < 5) counts.problems.push(line.slice(0, 300));
  };
  const logger: Logger = {
    debug: (...m: unknown[]) => inner.debug(...m),
    info: (...m: unknown[]) => inner.info(...m),
    warn: (...m: unknown[]) => {
      counts.warnings++;
      note(m.map(String).join(' '));
      inner.warn(...m);
    },
    error: (...m: unknown[]) => {
      counts.errors++;
      note(m.map(String).join(' '));
      inner.error(...m);
    },
    setLevel: (level: LogLevel) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name: string) => inner.setName(name),
  };
  return { logger, counts };
}

/**
 * `--card answer` (the default): one real answer card, built once at start, so the bare app sends as
 * many bytes as the real one and the difference between them is the app's own work per request.
 */
async function fixedCard(kind: string): Promise<Card> {
  if (kind === 'small') return SMALL_CARD;
  // The card exactly as the real app sends it for a recorded question: with its feedback and
  // escalation buttons, which only a stored question gets.
  const store = await openStore(':memory:');
  const path = createAnswerPath(CARD_CONTEXT, undefined, { questions: store.questions });
  const { card, outcome } = path.answerer.answer('I lost my MFA device', {
    shareable: true,
    asker: { userId: 'U0BENCH001', surface: 'command', channelId: 'C0BENCH001' },
  });
  await store.close();
  if (outcome?.topic?.id !== 'mfa-device-lost') throw new Error('the bench question no longer finds mfa-device-lost');
  return card;
}

function bareApp(apiUrl: string, signingSecret: string, logger: Logger, card: Card): App {
  const app = new App({
    token: 'xoxb-bench-token',
    signingSecret,
    logger,
    logLevel: LogLevel.INFO,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/aws-signin', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', ...card });
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...card });
  });
  app.message(async ({ message, client }) => {
    if (message.subtype !== undefined || message.channel_type !== 'im') return;
    await client.chat.postMessage({ channel: message.channel, ...card });
  });
  return app;
}

async function main(): Promise<void> {
  const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
  const kind = argument('--kind') as AppKind;
  const apiUrl = process.env.SLACK_API_URL ?? '';
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const { logger, counts } = countingLogger();
  // The real app records every question, as it does in production: in a temp SQLite database, or
  // (replica mode) in the PostgreSQL schema bench/load.ts set up and shares between replicas.
  const databasePath = join(mkdtempSync(join(tmpdir(), 'aws-signin-load-')), 'aws-signin.sqlite');
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const schema = process.env.BENCH_DATABASE_SCHEMA || undefined;
  const store =
    kind === 'bare'
      ? undefined
      : await openStore(
          databaseUrl
            ? {
                kind: 'postgres',
                url: databaseUrl,
                poolSize: 10,
                statementTimeoutMs: 5000,
                ...(schema ? { schema } : {}),
              }
            : { kind: 'sqlite', path: databasePath },
          // What the store reports (an outage, a lost question) counts as a warning or error here.
          storeLogging(() => logger),
        );
  const app = store
    ? createApp(
        {
          botToken: 'xoxb-bench-token',
          signingSecret,
          port: 0,
          slackApiUrl: apiUrl,
          logLevel: 'info',
          databasePath,
          databaseUrl,
          databasePoolSize: 10,
          databaseStatementTimeoutMs: 5000,
          retentionDays: 90,
          adminUserIds: [],
          cardContext: CARD_CONTEXT,
        },
        store,
        { logger },
      ).app
    : bareApp(apiUrl, signingSecret, logger, await fixedCard(argument('--card') ?? 'answer'));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  // The load generator keeps its 50 connections open for the whole run. Node closes a connection idle
  // for 5 s, which a round of the other app lasts; reconnecting 50 at once then stalled the first
  // requests of the next round by up to a second, in both apps alike, only in some rounds: noise.
  server.keepAliveTimeout = 10 * 60_000;
  const send = (message: FromApp) => process.send?.(message);

  process.on('message', async (message: ToApp) => {
    if (message.type === 'stats') {
      // Two full collections, so what is left is what the app still holds.
      if (message.gc) {
        global.gc?.();
        global.gc?.();
      }
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        heapUsedMb: memory.heapUsed / 2 ** 20,
        rssMb: memory.rss / 2 ** 20,
        cpuMs: (cpu.user + cpu.system) / 1000,
        ...counts,
      });
    } else if (message.type === 'stop') {
      await app.stop();
      await store?.close();
      process.exit(0);
    }
  });
  // If the benchmark dies (a timeout, Ctrl-C), this process must not outlive it.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  process.stderr.write(`load-app failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
