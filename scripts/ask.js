// `npm run ask`: runs the command line from the build (dist/cli/ask.js) when it is up to date, in this same
// process (no second Node start-up: the command stays within a hair of `node dist/cli/ask.js`). Otherwise it
// runs src/cli/ask.ts through tsx, also in-process: a build older than src/ is never used, and recompiling
// the whole app (seconds) just to answer one question would cost more than tsx's ~0.3 s. A production
// install (`npm ci --omit=dev`, no tsx) needs a current build and says so in one line when it has none.
'use strict';
const { join } = require('node:path');
const { ROOT, buildState } = require('./build-freshness');

const build = buildState(join('cli', 'ask.js'));
if (build.state === 'fresh') {
  require(join(ROOT, 'dist', 'cli', 'ask.js')).main();
} else {
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    const why = build.state === 'stale' ? `is older than ${build.newer}` : 'is missing';
    process.stderr.write(`ask: the build (dist/cli/ask.js) ${why} and tsx is not installed: run npm run build\n`);
    process.exit(1);
  }
  if (build.state === 'stale') {
    process.stderr.write(
      `ask: dist/ is older than ${build.newer}, so running src/ with tsx (npm run build to use the build)\n`,
    );
  }
  tsx.register();
  require(join(ROOT, 'src', 'cli', 'ask.ts')).main();
}
