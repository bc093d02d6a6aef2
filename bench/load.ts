// `npm run bench:load`: the real app under load, beside a bare Bolt app under the same load (the floor
// this machine allows). Everything runs on 127.0.0.1 and stops by itself.
//
//   npm run bench:load -- [--requests 5000] [--concurrency 50] [--warmup 3000] [--rounds 3] [--straggler-ms 10000]
//                          [--bare-card answer|small] [--mode bare|replicas]
//
// --mode replicas: two replicas of the app on one PostgreSQL database (BENCH_DATABASE_URL, default the
// local server's `test` database, in a schema of its own dropped after) with requests alternating
// between them, beside one replica on SQLite; it also counts the questions the replicas recorded.
//
// This process runs the fake Slack (test/helpers/fake-slack.ts) and the load generator; each app runs in
// its own process (bench/load-app.ts, node --expose-gc), so the CPU time and memory it reports are its
// own. The real app is the JavaScript `npm run build` made, as `npm start` runs it (the script builds first). Each round sends `--requests` signed requests at `--concurrency` in flight: half slash commands,
// a quarter @-mentions, a quarter direct messages, with the questions of test/fixtures/holdout.jsonl.
// Rounds go bare, app, app, bare (and so on), so drift on the machine falls on both alike. Each app
// gets --warmup requests first, and 500 more just before each of its rounds (an app idle through the
// other's round is measured cold otherwise); each keeps its 50 connections for the whole run. The bare app
// answers with one fixed card: by default a real answer card, built once, so both send the same bytes
// and the difference is the app's own work (matching, cards, middleware, delivery); `small` shows the
// floor with a three-block card.
// Every request must be acked with 200 and its one reply must reach the fake Slack (the response_url
// for a command, chat.postMessage for an event), waiting at most --straggler-ms after the last ack.
// Memory: heap used and RSS after two forced full GCs, after warm-up and again after the last round.
// BENCH_CPU_PROF=/some/dir writes a V8 CPU profile of each app process there (node --cpu-prof).
// Bars (issue "Slack end to end"): zero errors, zero lost replies, throughput at least 80% of the
// bare app's, ack p99 under 1 s, heap back within 20 MB of where it started.
import { type ChildProcess, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { type FakeSlack, startFakeSlack } from '../test/helpers/fake-slack';
import { eventBody, SIGNING_SECRET, slashCommandBody } from '../test/helpers/slack-requests';
import type { AppKind, AppStats, FromApp, ToApp } from './load-app';

interface Options {
  /** The bare app's fixed card: a real answer card (same bytes as the app sends) or a small one. */
  bareCard: 'answer' | 'small';
  /** `bare`: the app beside a bare Bolt app. `replicas`: two replicas on PostgreSQL beside one on SQLite. */
  mode: 'bare' | 'replicas';
  requests: number;
  concurrency: number;
  warmup: number;
  rounds: number;
  stragglerMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    bareCard: 'answer',
    mode: 'bare',
    requests: 5000,
    concurrency: 50,
    warmup: 3000,
    rounds: 3,
    stragglerMs: 10_000,
  };
  const names: Record<string, Exclude<keyof Options, 'bareCard' | 'mode'>> = {
    '--requests': 'requests',
    '--concurrency': 'concurrency',
    '--warmup': 'warmup',
    '--rounds': 'rounds',
    '--straggler-ms': 'stragglerMs',
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--mode' && (argv[i + 1] === 'bare' || argv[i + 1] === 'replicas')) {
      options.mode = argv[i + 1] as Options['mode'];
      continue;
    }
    if (argv[i] === '--bare-card' && (argv[i + 1] === 'answer' || argv[i + 1] === 'small')) {
      options.bareCard = argv[i + 1] as Options['bareCard'];
      continue;
    }
    const name = names[argv[i] ?? ''] as Exclude<keyof Options, 'bareCard' | 'mode'> | undefined;
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < 0) {
      throw new Error(
        `Usage: npm run bench:load -- ${Object.keys(names).join(' N ')} N  (bad: ${argv[i]} ${argv[i + 1]})`,
      );
    }
    options[name] = value;
  }
  // Bounded by design: this is a benchmark of a local server, never a flood.
  options.requests = Math.min(options.requests, 50_000);
  options.concurrency = Math.max(1, Math.min(options.concurrency, 500));
  options.rounds = Math.max(1, Math.min(options.rounds, 10));
  return options;
}

/** Requests sent to an app just before each of its measured rounds, not measured. */
const REWARM_REQUESTS = 500;

// --- the apps, each in its own process ---

interface RunningChild {
  kind: AppKind;
  agent: Agent;
  child: ChildProcess;
  port: number;
  stats(options?: { gc: boolean }): Promise<AppStats>;
  stop(): Promise<void>;
}

async function startChild(
  kind: AppKind,
  slack: FakeSlack,
  options: Options,
  env: Record<string, string> = {},
): Promise<RunningChild> {
  const child = fork(join(__dirname, 'load-app.ts'), ['--kind', kind, '--card', options.bareCard], {
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, ...env, SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: SIGNING_SECRET },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends FromApp['type']>(type: T) =>
    new Promise<Extract<FromApp, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${kind} app exited (${code})`));
      const onMessage = (message: FromApp) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FromApp, { type: T }>);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next('ready');
  // One set of connections per app for the whole run, as Slack would keep them.
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, noDelay: true });
  return {
    kind,
    agent,
    child,
    port,
    async stats({ gc } = { gc: false }) {
      const reply = next('stats');
      child.send({ type: 'stats', gc } satisfies ToApp);
      const { type: _type, ...stats } = await reply;
      return stats;
    },
    async stop() {
      agent.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToApp);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

// --- the load ---

type Surface = 'command' | 'mention' | 'dm';
interface PlannedRequest {
  body: string;
  contentType: string;
  /** How its reply is found at the fake Slack. */
  reply: { at: 'response'; id: string } | { at: 'post'; key: string };
}

function loadQuestions(): string[] {
  return readFileSync(join(__dirname, '..', 'test', 'fixtures', 'holdout.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

/** Slack sends `&`, `<` and `>` escaped in message text; mentions stay as they are. */
const slackEscape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/<(?![@#!])/g, '&lt;')
    .replace(/(?<!<[@#!][^>]*)>/g, '&gt;');

function plan(round: string, count: number, questions: string[], slack: FakeSlack): PlannedRequest[] {
  const surfaces: Surface[] = ['command', 'mention', 'command', 'dm'];
  return Array.from({ length: count }, (_, i) => {
    const surface = surfaces[i % surfaces.length] as Surface;
    const question = slackEscape(questions[i % questions.length] ?? 'lost mfa');
    const tag = `${round}-${i}`;
    if (surface === 'command') {
      const id = `load-${tag}`;
      return {
        body: slashCommandBody({ text: question, responseUrl: slack.responseUrl(id), userId: `U${i}` }),
        contentType: 'application/x-www-form-urlencoded',
        reply: { at: 'response', id },
      };
    }
    const ts = `${1_700_000_000 + i}.${round.replace(/\D/g, '').padStart(6, '0')}`;
    const channel = surface === 'dm' ? `D${tag}` : `C${tag}`;
    const event =
      surface === 'dm'
        ? { type: 'message', channel_type: 'im', user: `U${i}`, text: question, ts, channel, event_ts: ts }
        : { type: 'app_mention', user: `U${i}`, text: `<@UBOTUSER1> ${question}`, ts, channel, event_ts: ts };
    return {
      body: eventBody(event, `Ev${tag}`),
      contentType: 'application/json',
      reply: { at: 'post', key: surface === 'dm' ? channel : `${channel}/${ts}` },
    };
  });
}

interface PhaseResult {
  /** The app kind, or in replicas mode which setup (`sqlite`, `postgres x2`). */
  kind: string;
  sent: number;
  acked: number;
  errors: string[];
  latenciesMs: number[];
  durationMs: number;
  lost: number;
  duplicates: number;
  stragglerWaitMs: number;
  appCpuMs: number;
  loaderCpuMs: number;
  appWarnings: number;
  appErrors: number;
}

function post(agent: Agent, port: number, planned: PlannedRequest): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${planned.body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': planned.contentType,
          'content-length': Buffer.byteLength(planned.body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('ack timed out after 10 s')));
    req.on('error', reject);
    req.end(planned.body);
  });
}

/** Replies that reached the fake Slack, by the key each request's reply is found under. */
function repliesSeen(slack: FakeSlack): Map<string, number> {
  const seen = new Map<string, number>();
  const add = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const response of slack.responses) add(`response:${response.id}`);
  for (const call of slack.callsTo('chat.postMessage')) {
    const { channel, thread_ts: threadTs } = call.args as { channel?: string; thread_ts?: string };
    add(threadTs ? `post:${channel}/${threadTs}` : `post:${channel}`);
  }
  return seen;
}

const keyOf = (planned: PlannedRequest) =>
  planned.reply.at === 'response' ? `response:${planned.reply.id}` : `post:${planned.reply.key}`;

/** Several replicas behind one address, as a load balancer spreads requests: round robin. */
interface Target {
  label: string;
  apps: RunningChild[];
}

const toTarget = (app: RunningChild | Target): Target => ('apps' in app ? app : { label: app.kind, apps: [app] });

async function sumStats(apps: RunningChild[]): Promise<{ cpuMs: number; warnings: number; errors: number }> {
  const all = await Promise.all(apps.map((app) => app.stats()));
  return all.reduce(
    (sum, one) => ({
      cpuMs: sum.cpuMs + one.cpuMs,
      warnings: sum.warnings + one.warnings,
      errors: sum.errors + one.errors,
    }),
    { cpuMs: 0, warnings: 0, errors: 0 },
  );
}

async function runPhase(
  appOrTarget: RunningChild | Target,
  slack: FakeSlack,
  requests: PlannedRequest[],
  options: Options,
): Promise<PhaseResult> {
  const target = toTarget(appOrTarget);
  slack.reset();
  const before = await sumStats(target.apps);
  const loaderBefore = process.cpuUsage();
  const latenciesMs: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let acked = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const planned = requests[i] as PlannedRequest;
      const app = target.apps[i % target.apps.length] as RunningChild;
      const sentAt = performance.now();
      try {
        const status = await post(app.agent, app.port, planned);
        latenciesMs.push(performance.now() - sentAt);
        if (status === 200) acked++;
        else errors.push(`HTTP ${status}`);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;

  // Stragglers: replies still on their way when the last ack came back.
  const expected = new Set(requests.map(keyOf));
  const waitStarted = performance.now();
  const countArrived = () => {
    const seen = repliesSeen(slack);
    return [...expected].filter((key) => seen.has(key)).length;
  };
  while (countArrived() < expected.size && performance.now() - waitStarted < options.stragglerMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stragglerWaitMs = performance.now() - waitStarted;
  await slack.settle(200); // then make sure no late duplicates are on their way
  const seen = repliesSeen(slack);
  const lost = [...expected].filter((key) => !seen.has(key)).length;
  const duplicates = [...expected].reduce((sum, key) => sum + Math.max(0, (seen.get(key) ?? 0) - 1), 0);
  const loaderCpu = process.cpuUsage(loaderBefore);
  const after = await sumStats(target.apps);
  return {
    kind: target.label,
    sent: requests.length,
    acked,
    errors,
    latenciesMs,
    durationMs,
    lost,
    duplicates,
    stragglerWaitMs,
    appCpuMs: after.cpuMs - before.cpuMs,
    loaderCpuMs: (loaderCpu.user + loaderCpu.system) / 1000,
    appWarnings: after.warnings - before.warnings,
    appErrors: after.errors - before.errors,
  };
}

// --- report ---

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

interface Summary {
  kind: string;
  sent: number;
  acksPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  errorSamples: string[];
  lost: number;
  duplicates: number;
  appCpuPercent: number;
  /** The app process's CPU time (every thread) per acked request. */
  appCpuMsPerRequest: number;
  loaderCpuPercent: number;
  stragglerWaitMs: number;
}

function summarise(kind: string, phases: PhaseResult[]): Summary {
  const mine = phases.filter((phase) => phase.kind === kind);
  const latencies = mine.flatMap((phase) => phase.latenciesMs).sort((a, b) => a - b);
  const duration = mine.reduce((sum, phase) => sum + phase.durationMs, 0);
  const errorList = mine.flatMap((phase) => phase.errors);
  return {
    kind,
    sent: mine.reduce((sum, phase) => sum + phase.sent, 0),
    acksPerSecond: (mine.reduce((sum, phase) => sum + phase.acked, 0) / duration) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: errorList.length + mine.reduce((sum, phase) => sum + phase.appErrors + phase.appWarnings, 0),
    errorSamples: [...new Set(errorList)].slice(0, 3),
    lost: mine.reduce((sum, phase) => sum + phase.lost, 0),
    duplicates: mine.reduce((sum, phase) => sum + phase.duplicates, 0),
    appCpuPercent: (mine.reduce((sum, phase) => sum + phase.appCpuMs, 0) / duration) * 100,
    appCpuMsPerRequest:
      mine.reduce((sum, phase) => sum + phase.appCpuMs, 0) /
      Math.max(
        1,
        mine.reduce((sum, phase) => sum + phase.acked, 0),
      ),
    loaderCpuPercent: (mine.reduce((sum, phase) => sum + phase.loaderCpuMs, 0) / duration) * 100,
    stragglerWaitMs: Math.max(...mine.map((phase) => phase.stragglerWaitMs)),
  };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.mode === 'replicas') {
    await runReplicas(options);
    return;
  }
  const guard = setTimeout(() => {
    process.stderr.write('bench:load: gave up after 10 minutes\n');
    process.exit(2);
  }, 10 * 60_000);
  guard.unref();

  const questions = loadQuestions();
  const slack = await startFakeSlack();
  const children: RunningChild[] = [];
  try {
    const bare = await startChild('bare', slack, options);
    children.push(bare);
    const app = await startChild('app', slack, options);
    children.push(app);

    // Warm-up: JIT, connection pools, caches; not measured.
    for (const child of [bare, app]) {
      await runPhase(child, slack, plan(`w${child.kind}`, options.warmup, questions, slack), {
        ...options,
        stragglerMs: 5000,
      });
    }
    const memoryBefore = await app.stats({ gc: true });

    const order: RunningChild[] = [];
    for (let round = 0; round < options.rounds; round++) order.push(...(round % 2 === 0 ? [bare, app] : [app, bare]));
    const phases: PhaseResult[] = [];
    for (const [index, child] of order.entries()) {
      // An app idle through the other's round has shrunk its heap and cooled its code; a short burst
      // first (not measured) measures each round warm, as an app under steady load would be.
      await runPhase(child, slack, plan(`p${index}`, REWARM_REQUESTS, questions, slack), {
        ...options,
        stragglerMs: 5000,
      });
      const result = await runPhase(child, slack, plan(`r${index}`, options.requests, questions, slack), options);
      phases.push(result);
      process.stdout.write(
        `  round ${index + 1}/${order.length} ${child.kind.padEnd(4)}: ${fixed((result.acked / result.durationMs) * 1000, 0)} acks/s, ` +
          `lost ${result.lost}, errors ${result.errors.length + result.appErrors + result.appWarnings}\n`,
      );
    }
    const memoryAfter = await app.stats({ gc: true });

    const real = summarise('app', phases);
    const floor = summarise('bare', phases);
    const ratio = real.acksPerSecond / floor.acksPerSecond;
    const heapDelta = memoryAfter.heapUsedMb - memoryBefore.heapUsedMb;
    const rssDelta = memoryAfter.rssMb - memoryBefore.rssMb;

    const row = (s: Summary) =>
      `| ${s.kind === 'app' ? 'this app' : 'bare Bolt'} | ${s.sent} | ${fixed(s.acksPerSecond, 0)} | ${fixed(s.p50)} | ${fixed(s.p99)} | ${fixed(s.max)} | ${s.errors} | ${s.lost} | ${s.duplicates} | ${fixed(s.appCpuPercent, 0)}% | ${fixed(s.appCpuMsPerRequest, 2)} | ${fixed(s.loaderCpuPercent, 0)}% |`;
    const lines = [
      `bench:load on ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}: ` +
        `${options.requests} requests x ${options.rounds} rounds per app at concurrency ${options.concurrency}, warm-up ${options.warmup}, ` +
        `bare app's fixed card: ${options.bareCard === 'answer' ? 'a real answer card' : 'a small card'}`,
      '',
      '| app | requests | acks/s | ack p50 ms | ack p99 ms | ack max ms | errors | lost replies | duplicate replies | app CPU | app CPU ms per request | loader CPU |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      row(real),
      row(floor),
      '',
      `throughput vs bare Bolt: ${fixed(ratio * 100)}%`,
      `memory (this app, after 2 forced GCs): heap ${fixed(memoryBefore.heapUsedMb)} -> ${fixed(memoryAfter.heapUsedMb)} MB (${heapDelta >= 0 ? '+' : ''}${fixed(heapDelta)}), ` +
        `RSS ${fixed(memoryBefore.rssMb)} -> ${fixed(memoryAfter.rssMb)} MB (${rssDelta >= 0 ? '+' : ''}${fixed(rssDelta)})`,
      `longest wait for straggling replies after the last ack: ${fixed(real.stragglerWaitMs, 0)} ms (app), ${fixed(floor.stragglerWaitMs, 0)} ms (bare)`,
    ];
    if (real.errorSamples.length + memoryAfter.problems.length > 0) {
      lines.push(`first problems: ${[...real.errorSamples, ...memoryAfter.problems].join(' | ')}`);
    }
    const bar = (ok: boolean) => (ok ? 'met' : 'MISSED');
    lines.push(
      '',
      `bars: zero errors ${bar(real.errors === 0)}; zero lost replies ${bar(real.lost === 0 && real.duplicates === 0)}; ` +
        `throughput >= 80% of bare ${bar(ratio >= 0.8)}; ack p99 < 1 s ${bar(real.p99 < 1000)}; ` +
        `heap back within 20 MB ${bar(heapDelta <= 20)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of children) await child.stop();
    await slack.close();
    clearTimeout(guard);
  }
}

// --- replicas mode: two replicas on PostgreSQL beside one on SQLite ---

/** The PostgreSQL the replicas share (a schema of its own, dropped after): BENCH_DATABASE_URL or the local server. */
const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function countRecorded(schema: string): Promise<number> {
  const client = new Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.questions`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function dropBenchSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
}

/**
 * `--mode replicas`: the real app twice on one PostgreSQL database (requests alternate between them, as
 * a load balancer would send them) beside the real app once on SQLite, under the same load; rounds
 * alternate. Besides acks, replies and errors, it counts the questions the replicas recorded.
 */
async function runReplicas(options: Options): Promise<void> {
  const guard = setTimeout(() => {
    process.stderr.write('bench:load: gave up after 10 minutes\n');
    process.exit(2);
  }, 10 * 60_000);
  guard.unref();
  const questions = loadQuestions();
  const slack = await startFakeSlack();
  const schema = `bench_${process.pid}`;
  const env = { BENCH_DATABASE_URL: benchDatabaseUrl(), BENCH_DATABASE_SCHEMA: schema };
  const children: RunningChild[] = [];
  try {
    const sqlite = await startChild('app', slack, options);
    children.push(sqlite);
    // One after the other: the first creates the schema and migrates it.
    for (let i = 0; i < 2; i++) children.push(await startChild('app', slack, options, env));
    const targets: Target[] = [
      { label: 'sqlite x1', apps: [sqlite] },
      { label: 'postgres x2', apps: children.slice(1) },
    ];
    let sentToPostgres = 0;
    const run = async (target: Target, requests: PlannedRequest[], phaseOptions: Options) => {
      if (target.label !== 'sqlite x1') sentToPostgres += requests.length;
      return runPhase(target, slack, requests, phaseOptions);
    };
    for (const target of targets) {
      await run(target, plan(`w${target.label.length}`, options.warmup, questions, slack), {
        ...options,
        stragglerMs: 5000,
      });
    }
    const order: Target[] = [];
    for (let round = 0; round < options.rounds; round++)
      order.push(...(round % 2 === 0 ? targets : [...targets].reverse()));
    const phases: PhaseResult[] = [];
    for (const [index, target] of order.entries()) {
      await run(target, plan(`p${index}`, REWARM_REQUESTS, questions, slack), { ...options, stragglerMs: 5000 });
      const result = await run(target, plan(`r${index}`, options.requests, questions, slack), options);
      phases.push(result);
      process.stdout.write(
        `  round ${index + 1}/${order.length} ${target.label.padEnd(11)}: ${fixed((result.acked / result.durationMs) * 1000, 0)} acks/s, ` +
          `lost ${result.lost}, errors ${result.errors.length + result.appErrors + result.appWarnings}\n`,
      );
    }
    // Questions are written behind: wait (at most 10 s) for the last ones, then count what was recorded.
    let recorded = await countRecorded(schema);
    for (const started = Date.now(); recorded < sentToPostgres && Date.now() - started < 10_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      recorded = await countRecorded(schema);
    }
    const one = summarise('sqlite x1', phases);
    const two = summarise('postgres x2', phases);
    const ratio = two.acksPerSecond / one.acksPerSecond;
    const row = (s: Summary) =>
      `| ${s.kind} | ${s.sent} | ${fixed(s.acksPerSecond, 0)} | ${fixed(s.p50)} | ${fixed(s.p99)} | ${fixed(s.max)} | ${s.errors} | ${s.lost} | ${s.duplicates} | ${fixed(s.appCpuPercent, 0)}% | ${fixed(s.appCpuMsPerRequest, 2)} | ${fixed(s.loaderCpuPercent, 0)}% |`;
    const bar = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const lines = [
      `bench:load --mode replicas on ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}: ` +
        `${options.requests} requests x ${options.rounds} rounds per setup at concurrency ${options.concurrency}, warm-up ${options.warmup}`,
      '',
      '| setup | requests | acks/s | ack p50 ms | ack p99 ms | ack max ms | errors | lost replies | duplicate replies | app CPU | app CPU ms per request | loader CPU |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      row(one),
      row(two),
      '',
      `throughput, two replicas on PostgreSQL vs one on SQLite: ${fixed(ratio * 100)}%`,
      `questions recorded by the replicas: ${recorded} of ${sentToPostgres} sent to them`,
    ];
    if (two.errorSamples.length > 0) lines.push(`first problems: ${two.errorSamples.join(' | ')}`);
    lines.push(
      '',
      `bars: zero errors ${bar(two.errors === 0)}; zero lost replies ${bar(two.lost === 0 && two.duplicates === 0)}; ` +
        `every question recorded ${bar(recorded === sentToPostgres)}; throughput >= 0.8x one replica on SQLite ${bar(ratio >= 0.8)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of children) await child.stop();
    await slack.close();
    await dropBenchSchema(schema).catch(() => undefined);
    clearTimeout(guard);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
