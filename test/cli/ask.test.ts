import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STILL_STUCK_LABEL } from '../../src/cards/build-answer-card';
import { BLOCK } from '../../src/cards/ids';
import { BUTTON_ROW_LABELS, renderCardAsText } from '../../src/cards/render-text';
import { TOPIC_MENU_PLACEHOLDER } from '../../src/cards/topic-menu';
import { HELP, readCommand, USAGE } from '../../src/cli/ask-command';
import { formatReply } from '../../src/cli/format-reply';
import { realAnswerPath } from '../helpers/corpus';

const { answerer } = realAnswerPath();

describe('ask output', () => {
  it('--json prints the one line the evaluation reads', () => {
    const line = JSON.parse(formatReply(answerer.answer('lost my yubikey, root user'), 'json'));
    expect(line).toEqual({
      kind: 'answer',
      topic: 'mfa-device-lost',
      candidates: expect.any(Array),
      confidence: expect.any(Number),
      user: 'root',
      nearest: [],
      twoProblems: false,
    });
    expect(line.candidates[0]).toBe('mfa-device-lost');
    expect(JSON.parse(formatReply(answerer.answer('lost my yubikey'), 'json')).user).toBeNull();
  });

  it('--json says when a question back is about two problems the post describes', () => {
    const twoProblems = JSON.parse(
      formatReply(answerer.answer('IAM user - forgot my password and lost my MFA phone. admin is on holiday'), 'json'),
    );
    expect(twoProblems).toMatchObject({ kind: 'clarify', twoProblems: true });
    const oneUnclear = JSON.parse(formatReply(answerer.answer('forgot my password'), 'json'));
    expect(oneUnclear).toMatchObject({ kind: 'clarify', twoProblems: false });
  });

  it('--json names the nearest topics a fallback offers, and the text shows them before the menu', () => {
    const post =
      'Honestly exhausted. Rebuilt my laptop over the weekend, reinstalled everything, and the AWS console keeps ' +
      'refusing me at the very last step where it wants the code from the app that lived on my old Pixel.';
    const line = JSON.parse(formatReply(answerer.answer(post), 'json'));
    expect(line.kind).toBe('fallback');
    expect(line.nearest).toContain('mfa-device-lost');
    const text = formatReply(answerer.answer(post), 'text');
    const title = realAnswerPath().corpus.byId.get('mfa-device-lost')?.title ?? '';
    expect(text.indexOf(title)).toBeGreaterThan(-1);
    expect(text.indexOf(title)).toBeLessThan(text.indexOf(TOPIC_MENU_PLACEHOLDER));
  });

  it('text shows the card as a person would read it, links spelled out', () => {
    const text = formatReply(answerer.answer('how do I close my aws account'), 'text');
    const title = realAnswerPath().corpus.byId.get('close-account')?.title ?? '';
    expect(text.split('\n')[0]).toBe(title.toUpperCase());
    expect(text).toContain('Who can help');
    expect(text).toMatch(/\(https:\/\/docs\.aws\.amazon\.com\/[^)]+\)/);
    expect(text).not.toMatch(/<https?:/);
  });

  it('--blocks prints the exact Slack payload', () => {
    const payload = JSON.parse(formatReply(answerer.answer('forgot my iam password'), 'blocks'));
    expect(typeof payload.text).toBe('string');
    expect(Array.isArray(payload.blocks)).toBe(true);
  });

  it('empty input gets the fallback kind and the topic menu', () => {
    expect(JSON.parse(formatReply(answerer.answer('   '), 'json')).kind).toBe('fallback');
    expect(formatReply(answerer.answer(''), 'text')).toContain(`${TOPIC_MENU_PLACEHOLDER} (a menu):`);
  });

  it('a pasted secret is never printed', () => {
    const text = formatReply(answerer.answer('my key AKIAIOSFODNN7EXAMPLE and root password forgotten'), 'text');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(text).toContain('delete your message');
  });
});

describe('npm run ask, batch mode', () => {
  it('answers one JSON line per question line on standard input, in order', () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [cli, '--json'], {
      input: 'how do I close my aws account\n\nforgot my spotify password\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind)).toEqual(['answer', 'fallback', 'fallback']);
    expect(lines[0].topic).toBe('close-account');
  });

  it('says so when standard input is a folder, instead of printing nothing', () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync('sh', ['-c', `"$0" "$1" --json < "$2"`, tsx, cli, __dirname], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('standard input is a folder');
    expect(run.stdout).toBe('');
  });

  it('waits for a slow reader instead of piling the replies up in memory', async () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const dir = mkdtempSync(join(tmpdir(), 'ask-slow-reader-'));
    try {
      const report = join(dir, 'max-rss');
      const preload = join(__dirname, '..', '..', 'bench', 'report-max-rss.cjs');
      const child = spawn(tsx, [cli], {
        env: { ...process.env, MAX_RSS_REPORT: report, NODE_OPTIONS: `--require ${preload}` },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      // 30,000 questions: 55 MB of cards, read only after a pause (a pipe to `less`, a slow consumer).
      child.stdin.end('lost my mfa phone and forgot my iam password\n'.repeat(30_000));
      child.stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      let bytes = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      child.stdout.resume();
      const [status] = (await once(child, 'exit')) as [number | null];
      expect(status).toBe(0);
      expect(bytes).toBeGreaterThan(50_000_000);
      // Its peak memory (KB; the largest of its Node processes): about 110 MB waiting, 390 MB without.
      const peakKb = Math.max(...readFileSync(report, 'utf8').trim().split('\n').map(Number));
      expect(peakKb).toBeLessThan(250_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops quietly when the reader stops early (| head), without a stack trace', () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync('sh', ['-c', `"$0" "$1" --json | head -n 1`, tsx, cli], {
      input: 'lost my mfa phone\n'.repeat(3000),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).topic).toBe('mfa-device-lost');
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('ask arguments', () => {
  it.each([
    [['--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['--list'], { kind: 'list' }],
    [['--topic=mfa-device-lost'], { kind: 'topic', format: 'text', topic: 'mfa-device-lost' }],
    [['--topic', 'mfa-device-lost', '--json'], { kind: 'topic', format: 'json', topic: 'mfa-device-lost' }],
    [['--blocks', 'lost', 'my', 'mfa'], { kind: 'ask', format: 'blocks', question: 'lost my mfa' }],
    [['--json'], { kind: 'ask', format: 'json' }],
    [['--', '--not-an-option'], { kind: 'ask', format: 'text', question: '--not-an-option' }],
  ])('%j reads as %j', (args, expected) => {
    expect(readCommand(args)).toEqual(expected);
  });

  it.each([
    [['--json', '--blocks', 'q'], /--json and --blocks cannot be used together/],
    [['--topic', 'mfa-device-lost', 'lost my phone'], /either --topic or a question, not both/],
    [['--topic=a', '--topic=b'], /give it once/],
    [['--topic='], /--topic needs a topic id/],
    [['--topic'], /argument missing/],
    [['--list', 'lost my phone'], /--list takes nothing else \(not a question\)/],
    [['--version', '--json'], /--version takes nothing else \(not --json\)/],
    [['--list', '--topic=x'], /--list takes nothing else \(not --topic\)/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j is refused, not guessed', (args, reason) => {
    const read = readCommand(args);
    expect(read).toEqual({ error: expect.stringMatching(reason) });
  });
});

describe('ask text rendering', () => {
  it('shows the empty-question topic menu as a person reads it: emoji drawn, one topic a line under its group', () => {
    const text = formatReply(answerer.answer(''), 'text');
    expect(text).not.toMatch(/:[a-z_]+:/);
    expect(text).toContain('👋');
    const lines = text.split('\n');
    expect(lines.every((line) => line.length <= 200)).toBe(true);
    const titles = realAnswerPath().corpus.topics.map((topic) => topic.title);
    for (const title of titles) expect(lines).toContain(`    • ${title}`);
    expect(lines).toContain('  Signing in');
  });

  it('keeps the underscores in a quoted question, as Slack shows them', () => {
    const text = formatReply(answerer.answer('where do I put my_user_name for xyzzy'), 'text');
    expect(text).toContain('You asked: where do I put my_user_name for xyzzy');
  });

  it('draws every emoji a card uses, on every topic card', () => {
    for (const topic of realAnswerPath().corpus.topics) {
      const card = answerer.topicCard({ topicId: topic.id });
      // Code spans are quoted as typed (a SAML `urn:oasis:names:…` has colons of its own).
      const outsideCode = card ? renderCardAsText(card).replace(/`[^`]*`/g, '') : null;
      expect(outsideCode).not.toMatch(/:[a-z_]+:/);
    }
  });

  it('puts each button on its own line under what the row is for, and the sources apart from the contacts', () => {
    const card = answerer.topicCard({ topicId: 'mfa-device-lost' });
    if (!card) throw new Error('no mfa-device-lost topic');
    const text = renderCardAsText(card);
    const paragraphs = text.split('\n\n');
    const sources = paragraphs.find((paragraph) => paragraph.startsWith('Sources: '));
    expect(sources).toBeDefined();
    const who = paragraphs.find((paragraph) => paragraph.startsWith('Who can help'));
    expect(who).not.toContain('Sources');
    const seeAlso = paragraphs.find((paragraph) => paragraph.startsWith(BUTTON_ROW_LABELS[BLOCK.followUps] as string));
    expect(seeAlso?.split('\n').slice(1)).toEqual(
      expect.arrayContaining([`  [ ${STILL_STUCK_LABEL} ]`, expect.stringMatching(/^ {2}\[ .+ \]$/)]),
    );
    const kinds = paragraphs.find((paragraph) => paragraph.startsWith(BUTTON_ROW_LABELS[BLOCK.userKinds] as string));
    expect(kinds?.split('\n')).toEqual([
      BUTTON_ROW_LABELS[BLOCK.userKinds],
      "  [ I'm the root user ]",
      "  [ I'm an IAM user ]",
    ]);
  });
});

describe('npm run ask, its command line', () => {
  const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
  const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });

  it('--help prints the usage and the environment it reads on stdout, and exits 0', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe(`${HELP}\n`);
    for (const name of ['ADMIN_CONTACT', 'ACCESS_PORTAL_URL', 'KNOWLEDGE_DIR']) expect(help.stdout).toContain(name);
  });

  it('--topic with --json prints the same fields as an answer does', () => {
    const topic = run(['--json', '--topic=mfa-device-lost']);
    expect(topic.status).toBe(0);
    const line = JSON.parse(topic.stdout) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual([
      'candidates',
      'confidence',
      'kind',
      'nearest',
      'topic',
      'twoProblems',
      'user',
    ]);
    expect(line).toMatchObject({ kind: 'answer', topic: 'mfa-device-lost', nearest: [] });
  });

  it('--version prints the package version', () => {
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(require('../../package.json').version);
  });

  it('refuses conflicting arguments with the usage on stderr and exit status 2', () => {
    const refused = run(['--json', '--blocks', 'lost my mfa']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`ask: --json and --blocks cannot be used together: pick one\n${USAGE}\n`);
  });
});
