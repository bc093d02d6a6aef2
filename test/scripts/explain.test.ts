// `npx tsx scripts/explain.ts "question"`, which docs/matching.md tells whoever adds a topic to run: it
// explains the corpus the app answers from (KNOWLEDGE_DIR in .env, as `npm run ask` reads it), and says
// what is wrong with a broken one in plain words. Before, it read only the environment (so it explained
// the shipped corpus while the app used the organisation's) and printed a stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';

const ROOT = join(__dirname, '..', '..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'explain-'));
  folders.push(folder);
  return folder;
};

function explainIn(cwd: string, question: string) {
  const env = { ...process.env };
  delete env.KNOWLEDGE_DIR;
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts', 'explain.ts'), question], {
    cwd,
    env,
    encoding: 'utf8',
  });
}

it('explains the corpus KNOWLEDGE_DIR in .env names, with the organisation’s own topics', () => {
  const corpus = tempFolder();
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(corpus, name));
  copyFileSync(
    join(ROOT, 'test', 'fixtures', 'admin-topics', 'github-sso-access.yml'),
    join(corpus, 'github-sso-access.yml'),
  );
  const cwd = tempFolder();
  writeFileSync(join(cwd, '.env'), `KNOWLEDGE_DIR="${corpus}"\n`);
  const run = explainIn(cwd, "I'm locked out of github");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/-> answer github-sso-access/);
});

it('says what is wrong with a broken corpus in plain words, without a stack trace', () => {
  const cwd = tempFolder();
  const empty = tempFolder();
  writeFileSync(join(cwd, '.env'), `KNOWLEDGE_DIR="${empty}"\n`);
  const run = explainIn(cwd, 'hello');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('no topic files (*.yml) found');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

it('stops quietly when its reader closes the pipe early (`… | head`: here a reader that reads nothing), without a stack trace', () => {
  const run = spawnSync(
    'bash',
    [
      '-c',
      `"${process.execPath}" "${require.resolve('tsx/cli')}" "${join(ROOT, 'scripts', 'explain.ts')}" "I lost my MFA phone. The root password is gone too. And the sign in page rejects me." | true; echo "status \${PIPESTATUS[0]}"`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.stderr).not.toMatch(/EPIPE|at \w/);
  expect(run.stdout).toMatch(/status 0/);
});
