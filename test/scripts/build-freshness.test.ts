// `npm run ask` and `npm start` run dist/ only when it is at least as new as what it is compiled from.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type BuildState = { state: 'fresh' | 'missing' } | { state: 'stale'; newer: string };
const { buildState } = require('../../scripts/build-freshness') as {
  buildState: (entry: string, root?: string) => BuildState;
};

describe('which build the command line and npm start may run', () => {
  let root: string;
  const write = (path: string, secondsAgo: number) => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    const at = Date.now() / 1000 - secondsAgo;
    utimesSync(file, at, at);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-freshness-'));
    write('src/cli/ask.ts', 100);
    write('src/knowledge/schema.ts', 100);
    write('tsconfig.json', 100);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs a build newer than every source', () => {
    write('dist/cli/ask.js', 50);
    expect(buildState('cli/ask.js', root)).toEqual({ state: 'fresh' });
  });

  it('never runs a build older than a source edited since, and names that source', () => {
    write('dist/cli/ask.js', 50);
    write('src/knowledge/schema.ts', 10);
    expect(buildState('cli/ask.js', root)).toEqual({ state: 'stale', newer: join('src', 'knowledge', 'schema.ts') });
  });

  it('counts a changed compiler setting as a change', () => {
    write('dist/app.js', 50);
    write('tsconfig.json', 10);
    expect(buildState('app.js', root)).toEqual({ state: 'stale', newer: 'tsconfig.json' });
  });

  it('says when there is no build at all', () => {
    expect(buildState('app.js', root)).toEqual({ state: 'missing' });
  });

  it('runs the build of an install that ships no sources', () => {
    rmSync(join(root, 'src'), { recursive: true });
    rmSync(join(root, 'tsconfig.json'));
    write('dist/app.js', 50);
    expect(buildState('app.js', root)).toEqual({ state: 'fresh' });
  });
});
