// scripts/ask.js and scripts/start.js, run for real in a scratch copy of the project layout: which code
// they run (the build, or src/ through tsx) and what they say when they cannot.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

describe('npm run ask and npm start, from a scratch project', () => {
  let root: string;
  const write = (path: string, text: string, secondsAgo: number) => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    const at = Date.now() / 1000 - secondsAgo;
    utimesSync(file, at, at);
  };
  /** Runs a launcher; `withTsx` lets it find tsx (a development install) or not (a production one). */
  const run = (script: string, withTsx: boolean) =>
    spawnSync(process.execPath, [join(root, 'scripts', script)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NODE_PATH: withTsx ? join(REPO, 'node_modules') : '' },
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'launchers-'));
    mkdirSync(join(root, 'scripts'));
    for (const file of ['ask.js', 'start.js', 'build-freshness.js']) {
      copyFileSync(join(REPO, 'scripts', file), join(root, 'scripts', file));
    }
    write('src/cli/ask.ts', "export function main(): void {\n  console.log('ran src');\n}\n", 100);
    write('dist/cli/ask.js', "exports.main = () => console.log('ran dist');\n", 50);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ask runs an up-to-date build, without a word', () => {
    const ask = run('ask.js', true);
    expect(ask.stdout).toBe('ran dist\n');
    expect(ask.stderr).toBe('');
  });

  it('ask never runs a build older than src/: it runs src/ through tsx and says why', () => {
    write('src/cli/ask.ts', "export function main(): void {\n  console.log('ran edited src');\n}\n", 10);
    const ask = run('ask.js', true);
    expect(ask.status).toBe(0);
    expect(ask.stdout).toBe('ran edited src\n');
    expect(ask.stderr).toMatch(/^ask: dist\/ is older than src\/cli\/ask\.ts, so running src\/ with tsx/);
  });

  it('ask without a current build or tsx (a production install) says so in one line', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    const ask = run('ask.js', false);
    expect(ask.status).toBe(1);
    expect(ask.stdout).toBe('');
    expect(ask.stderr).toBe(
      'ask: the build (dist/cli/ask.js) is missing and tsx is not installed: run npm run build\n',
    );
  });

  it('start refuses a missing or stale build in one line, and never compiles', () => {
    const missing = run('start.js', true);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('start: the build (dist/app.js) is missing: run npm run build, then npm start\n');
    write('dist/app.js', "exports.main = async () => console.log('app started');\n", 150);
    const stale = run('start.js', true);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      'start: the build (dist/app.js) is older than src/cli/ask.ts: run npm run build, then npm start\n',
    );
  });

  it('start runs a current build with plain Node', () => {
    write('dist/app.js', "exports.main = async () => console.log('app started');\n", 50);
    const start = run('start.js', false);
    expect(start.status).toBe(0);
    expect(start.stdout).toBe('app started\n');
  });
});
