// `npm run knowledge:check`: offline on the shipped corpus and on a broken copy, and `--online` against
// fixture pages served by a local HTTP server on 127.0.0.1 (one page changed three ways, one unchanged).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml, dump as toYaml } from 'js-yaml';
import { runKnowledgeCheck } from '../../scripts/knowledge-check';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';

const FIXTURE_PAGES = join(__dirname, '..', 'fixtures', 'source-pages');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKnowledgeCheck(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

function corpusCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'knowledge-check-'));
  folders.push(folder);
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(folder, name));
  return folder;
}

function editTopic(folder: string, id: string, edit: (topic: Record<string, unknown>) => void): void {
  const file = join(folder, `${id}.yml`);
  const topic = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(topic);
  writeFileSync(file, toYaml(topic));
}

describe('knowledge:check offline', () => {
  it('passes the shipped corpus: every step and reason sourced, every citation resolved', async () => {
    const { code, out } = await run(['--json']);
    expect(out).toHaveLength(1);
    const counts = JSON.parse(out[0] as string);
    expect(counts).toMatchObject({ topics: 22, unsourced: 0, unresolved: 0, invalid: 0, pages: 6 });
    expect(counts.steps).toBeGreaterThan(100);
    expect(counts.sourced + counts.ours).toBe(counts.steps + counts.reasons);
    expect(code).toBe(0);
  });

  it('reports every broken file at once, in plain words, and fails', async () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      (topic.steps as unknown[])[0] = 'A step with no source.';
    });
    editTopic(folder, 'report-fraud', (topic) => {
      (topic.escalation as Array<Record<string, unknown>>)[0] = {
        contact: 'aws-support',
        reason: 'x',
        source: 'sign-in-guide#gone-section',
      };
    });
    editTopic(folder, 'retail-order', (topic) => {
      delete topic.title;
    });
    const text = await run(['--knowledge', folder]);
    const report = text.out.join('\n');
    expect(report).toMatch(/close-account\.yml: field "steps\.0" names no source/);
    expect(report).toMatch(/report-fraud\.yml: field "escalation\.0\.source" cites "sign-in-guide#gone-section"/);
    expect(report).toMatch(/retail-order\.yml: field "title" is missing/);
    expect(report).not.toMatch(/Invalid input|ZodError|\n\s+at /);
    expect(text.code).toBe(1);

    const json = await run(['--knowledge', folder, '--json']);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({ unsourced: 1, unresolved: 1, invalid: 1 });
    expect(json.code).toBe(1);
  });

  it('as a command: one JSON line and exit 0 on the shipped corpus, exit 2 on a bad option', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/knowledge-check.ts', ...args], {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
      });
    const ok = cli(['--json']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(ok.stdout)).toMatchObject({ unsourced: 0, unresolved: 0 });
    const bad = cli(['--nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown option --nope');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('as a command: checks the folder KNOWLEDGE_DIR names, as the app and npm run ask read it', () => {
    const folder = corpusCopy();
    editTopic(folder, 'retail-order', (topic) => {
      delete topic.title;
    });
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/knowledge-check.ts'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_DIR: folder },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/retail-order\.yml: field "title" is missing/);
  });
});

describe('knowledge:check --online, against fixture pages on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const name = (request.url ?? '').replace(/^\/pages\//, '');
      if (!/^[a-z-]+\.html$/.test(name) || !readdirSync(FIXTURE_PAGES).includes(name)) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(FIXTURE_PAGES, name)));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pages`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  it('reports the section that disappeared, the heading that changed and the new section no topic cites', async () => {
    const { code, out } = await run(['--online', '--pages-from', base]);
    const report = out.join('\n');
    expect(requested).toEqual(expect.arrayContaining(['/pages/sign-in-guide.html', '/pages/iam-guide.html']));
    expect(report).toContain('section gone: #troubleshoot-rbp-replication "My policy changes are not taking effect"');
    expect(report).toContain(
      'heading changed: #troubleshoot-contact-support "I need to contact Support for sign-in issues" is now "I need to contact AWS Support about a sign-in problem"',
    );
    expect(report).toContain(`new section, cited by no topic: #troubleshoot-passkeys "My passkey isn't working"`);
    // The IAM fixture is the page as recorded (anchors as <a name> after each heading): nothing to report.
    expect(report).toMatch(/online: iam-guide \(.*\): every recorded section is there, unchanged\./);
    // Curly and straight apostrophes are the same heading.
    expect(report).not.toContain('troubleshoot-firewalls');
    expect(code).toBe(1);

    const json = await run(['--online', '--pages-from', base, '--json']);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({
      disappeared: 1,
      renamed: 1,
      appeared: 1,
      unreachable: 0,
    });
  });

  it('says which page it could not fetch, without a stack trace, and fails', async () => {
    const { code, out } = await run(['--online', '--pages-from', `${base}/missing`, '--json']);
    expect(JSON.parse(out[0] as string)).toMatchObject({ unreachable: 6 });
    expect(code).toBe(1);
    const text = await run(['--online', '--pages-from', 'http://127.0.0.1:9/nothing']);
    expect(text.out.join('\n')).toMatch(
      /online: sign-in-guide \(http:\/\/127\.0\.0\.1:9\/nothing\/sign-in-guide\.html\): couldn't fetch it/,
    );
    expect(text.out.join('\n')).not.toMatch(/\n\s+at /);
  });
});
