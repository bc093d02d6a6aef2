// `npm run bench:start`: how soon `npm start` answers, printed as figures (never asserted in a test).
// Builds once, then launches `npm start` in HTTP mode on 127.0.0.1 several times, each against the fake Slack
// (test/helpers/fake-slack.ts) and a fresh database in a temporary folder (removed afterwards). From the moment
// of launch it sends a signed `/aws-signin lost my mfa phone` every 20 ms until one is acked, then waits for the
// answer card to reach the command's response_url. Prints, per launch and as medians: launch to first ack,
// launch to the answer delivered.
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

async function launchOnce(slack: FakeSlack, round: number): Promise<{ ackMs: number; answerMs: number }> {
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
  const responseId = `bench-start-${round}`;
  const body = slashCommandBody({ text: 'lost my mfa phone', responseUrl: slack.responseUrl(responseId) });
  const launched = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, detached: true, stdio: 'inherit' });
  try {
    let ackMs: number | undefined;
    while (ackMs === undefined) {
      if (performance.now() - launched > GIVE_UP_MS) throw new Error(`no ack within ${GIVE_UP_MS} ms`);
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
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
  const results: Array<{ ackMs: number; answerMs: number }> = [];
  try {
    for (let round = 1; round <= launches; round++) {
      const result = await launchOnce(slack, round);
      results.push(result);
      console.log(
        `launch ${round}: first ack ${result.ackMs.toFixed(0)} ms, answer delivered ${result.answerMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await slack.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  console.log(
    `npm start, median of ${launches}: first ack ${median(results.map((r) => r.ackMs)).toFixed(0)} ms, ` +
      `answer delivered ${median(results.map((r) => r.answerMs)).toFixed(0)} ms after launch (bar: 1000 ms)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
