// The app as a real process (src/app.ts main, run through tsx), against the fake Slack on 127.0.0.1:
// a token Slack refuses stops the start with one line naming the variable and no stack trace; in HTTP
// mode /health answers for a load balancer, log lines carry timestamps, and SIGTERM under load lets
// every acknowledged request be answered and recorded before the process exits.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NOBODY_CAN_CLAIM_WARNING } from '../../src/app';
import { migrateSqlite } from '../../src/store/sqlite/migrations';
import { freePort, startAppProcess } from '../helpers/app-process';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack';
import { APP_TOKEN, startFakeSocketMode } from '../helpers/fake-socket-mode';
import { FORM, SIGNING_SECRET, send, slashCommandBody } from '../helpers/slack-requests';

jest.setTimeout(60_000);

let slack: FakeSlack;
let tempDir: string;
beforeEach(async () => {
  slack = await startFakeSlack();
  tempDir = mkdtempSync(join(tmpdir(), 'aws-signin-process-'));
});
afterEach(async () => {
  await slack.close();
  rmSync(tempDir, { recursive: true, force: true });
});

const baseEnv = () => ({
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL: slack.apiUrl,
  DATABASE_PATH: join(tempDir, 'aws-signin.sqlite'),
});

it('warns at start when requests go to ESCALATION_CHANNEL but no ADMIN_USER_IDS could take them', async () => {
  const app = startAppProcess({
    ...baseEnv(),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    ESCALATION_CHANNEL: 'C0ESCALATE',
  });
  try {
    await app.waitForLine(/listening on port/);
    expect([...app.stdout, ...app.stderr].join('\n')).toContain(NOBODY_CAN_CLAIM_WARNING);
  } finally {
    app.child.kill('SIGTERM');
    await app.exited;
  }
});

describe('HTTP mode cannot listen', () => {
  it('a PORT already in use, or a HOST not of this machine: exits 1 with one line naming the setting', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const http = { ...baseEnv(), SLACK_SIGNING_SECRET: SIGNING_SECRET };
      const busy = startAppProcess({ ...http, PORT: String(port), HOST: '127.0.0.1' });
      expect(await busy.exited).toBe(1);
      expect(busy.stderr.join('\n')).toContain(`Could not start: PORT ${port} is already in use on 127.0.0.1`);
      // TEST-NET-1 (RFC 5737): never an address of this machine.
      const elsewhere = startAppProcess({ ...http, PORT: '0', HOST: '192.0.2.1' });
      expect(await elsewhere.exited).toBe(1);
      expect(elsewhere.stderr.join('\n')).toContain(
        'Could not start: HOST 192.0.2.1 is not an address of this machine',
      );
      for (const app of [busy, elsewhere]) expect(app.stderr.join('\n')).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  });
});

describe('a database file the app cannot use', () => {
  it.each([
    ['a file of another program', (file: string) => new Database(file).exec('CREATE TABLE questions (x)').close()],
    [
      'a file damaged where the question ids are kept',
      (file: string) => {
        const db = new Database(file);
        migrateSqlite(db);
        const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'id_blocks'").get() as {
          rootpage: number;
        };
        const pageSize = db.pragma('page_size', { simple: true }) as number;
        db.close();
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
        closeSync(fd);
      },
    ],
  ])('%s: exits 1 with one line naming the file and DATABASE_PATH, no stack', async (_, make) => {
    const file = join(tempDir, 'aws-signin.sqlite');
    make(file);
    const app = startAppProcess({ ...baseEnv(), SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', HOST: '127.0.0.1' });
    expect(await app.exited).toBe(1);
    const said = app.stderr.join('\n');
    expect(said).toContain(`${file}: cannot`);
    expect(said).toContain('DATABASE_PATH');
    expect(said).not.toMatch(/\n\s+at /);
  });
});

describe('a token Slack refuses at start', () => {
  it.each([
    ['SLACK_BOT_TOKEN', 'auth.test', 'invalid_auth'],
    ['SLACK_APP_TOKEN', 'apps.connections.open', 'invalid_auth'],
    ['SLACK_BOT_TOKEN', 'auth.test', 'account_inactive'],
  ])('Socket Mode: %s refused by %s (%s) exits 1 with one line naming it', async (variable, method, error) => {
    const socket = await startFakeSocketMode(slack);
    slack.failNext(method, { error, times: 100 });
    const app = startAppProcess({ ...baseEnv(), SLACK_APP_TOKEN: APP_TOKEN });
    expect(await app.exited).toBe(1);
    expect(app.stderr).toEqual([
      expect.stringContaining(`Could not start: ${variable} was refused by Slack (${error})`),
    ]);
    await socket.close();
  });

  it('HTTP mode: a revoked bot token exits 1 with one line naming SLACK_BOT_TOKEN', async () => {
    slack.failNext('auth.test', { error: 'token_revoked', times: 100 });
    const app = startAppProcess({ ...baseEnv(), SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', HOST: '127.0.0.1' });
    expect(await app.exited).toBe(1);
    expect(app.stderr).toEqual([
      expect.stringContaining('Could not start: SLACK_BOT_TOKEN was refused by Slack (token_revoked)'),
    ]);
  });
});

describe('HTTP mode as a process', () => {
  it('answers /health, logs with timestamps, and on SIGTERM answers and records every acknowledged request', async () => {
    const port = await freePort();
    const app = startAppProcess({
      ...baseEnv(),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    const listening = await app.waitForLine(/listening on port/);
    expect(listening).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO /);
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    // 400 commands, 40 at a time; SIGTERM once 150 are acknowledged, while others are in flight: Slack
    // takes 300 ms to take each reply, so replies are still being sent when the signal comes.
    slack.setLatency(300);
    const total = 400;
    const concurrency = 40;
    const acked: string[] = [];
    const refused: string[] = [];
    let next = 0;
    let signalled = false;
    const worker = async () => {
      while (next < total) {
        const id = `load-${next++}`;
        try {
          const body = slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl(id) });
          const res = await send(`${base}/slack/events`, body, FORM);
          if (res.status === 200) acked.push(id);
          else refused.push(id);
        } catch {
          refused.push(id);
        }
        if (!signalled && acked.length >= 150) {
          signalled = true;
          app.child.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    expect(await app.exited).toBe(0);

    const answered = new Set(slack.responses.map((response) => response.id));
    const unanswered = acked.filter((id) => !answered.has(id));
    const db = new Database(join(tempDir, 'aws-signin.sqlite'), { readonly: true });
    const recorded = (db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n;
    db.close();
    process.stdout.write(
      `SIGTERM under load: ${total} sent, ${acked.length} acknowledged, ${refused.length} refused after the stop, ` +
        `${acked.length - unanswered.length} of the acknowledged answered, ${recorded} questions recorded\n`,
    );
    expect(signalled).toBe(true);
    expect(unanswered).toEqual([]);
    // Every answer was recorded, and nothing was recorded that was not answered.
    expect(recorded).toBe(answered.size);
    expect(app.stdout.some((line) => /SIGTERM: finishing the requests in flight/.test(line))).toBe(true);
    expect(app.stderr.filter((line) => /ERROR|WARN/.test(line))).toEqual([]);
  });
});
