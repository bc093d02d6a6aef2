// `npm run bench:start`: how soon `npm start` answers, printed as figures (never asserted in a test).
// Builds once, then launches `npm start` in HTTP mode on 127.0.0.1 several times, each against the fake Slack
// (test/helpers/fake-slack.ts) and a fresh database in a temporary folder (removed afterwards). From the moment
// of launch it sends a signed `/aws-signin lost my mfa phone` every 20 ms until one is acked, then waits for the
// answer card to reach the command's response_url. Prints, per launch and as medians: launch to first ack,
// launch to the answer delivered. Launches alternate between `npm start` and `node scripts/start.js` (what
// npm runs), so npm's own share shows apart from the app's.
// Bar (issue 13): `npm start` after a build answers a signed request within 1 s of launch.
//   npm run bench:start -- [--launches 5]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type FakeSlack, startFakeSlack } from '../test/helpers/fake-slack';
import { SIGNING_SECRET, send, slashCommandBody } from '../test/helpers/slack-requests';

const ROOT = join(__dirname, '..');
const GIVE_UP_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    // npm runs the app as its own child: signal the whole group this script started.
    process.kill(-child.pid, 'SIGTERM');
  });
}

const HOW = {
  npm: ['npm', ['start', '--silent']],
  node: [process.execPath, ['scripts/start.js']],
} as const;
type How = keyof typeof HOW;

async function launchOnce(slack: FakeSlack, round: number, how: How): Promise<{ ackMs: number; answerMs: number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench-0000000000-token',
    SLACK_APP_TOKEN: '',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    DATABASE_PATH: join(dataDir, 'bench.sqlite'),
    LOG_LEVEL: 'warn',
    ADMIN_CONTACT: '',
    ACCESS_PORTAL_URL: '',
    ESCALATION_CHANNEL: '',
    ADMIN_USER_IDS: '',
    KNOWLEDGE_DIR: '',
  };
  const responseId = `bench-start-${how}-${round}`;
  const body = slashCommandBody({ text: 'lost my mfa phone', responseUrl: slack.responseUrl(responseId) });
  const launched = performance.now();
  const [command, args] = HOW[how];
  const child = spawn(command, [...args], { cwd: ROOT, env, detached: true, stdio: 'inherit' });
  try {
    let ackMs: number | undefined;
    while (ackMs === undefined) {
      if (performance.now() - launched > GIVE_UP_MS) throw new Error(`no ack within ${GIVE_UP_MS} ms`);
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited ${child.exitCode}`);
      const reply = await send(
        `http://127.0.0.1:${port}/slack/events`,
        body,
        'application/x-www-form-urlencoded',
      ).catch(() => undefined);
      if (reply?.status === 200) ackMs = performance.now() - launched;
      else await sleep(20);
    }
    await slack.waitFor(() => slack.responses.find((response) => response.id === responseId), GIVE_UP_MS);
    return { ackMs, answerMs: performance.now() - launched };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { launches: { type: 'string', default: '5' } } });
  const launches = Number(values.launches);
  if (!Number.isInteger(launches) || launches < 1) throw new Error('--launches needs a whole number');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const slack = await startFakeSlack();
  const results: Record<How, Array<{ ackMs: number; answerMs: number }>> = { npm: [], node: [] };
  try {
    for (let round = 1; round <= launches; round++) {
      for (const how of ['npm', 'node'] as const) {
        const result = await launchOnce(slack, round, how);
        results[how].push(result);
        console.log(
          `launch ${round} (${how === 'npm' ? 'npm start' : 'node scripts/start.js'}): first ack ${result.ackMs.toFixed(0)} ms, answer delivered ${result.answerMs.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await slack.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  for (const how of ['npm', 'node'] as const) {
    console.log(
      `${how === 'npm' ? 'npm start' : 'node scripts/start.js'}, median of ${launches}: first ack ${median(results[how].map((r) => r.ackMs)).toFixed(0)} ms, ` +
        `answer delivered ${median(results[how].map((r) => r.answerMs)).toFixed(0)} ms after launch${how === 'npm' ? ' (bar: 1000 ms)' : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
