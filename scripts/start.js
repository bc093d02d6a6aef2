// `npm start`: runs the built app (dist/app.js) with plain Node, no compiler: build once (`npm run build`),
// start many times, also from a production install (`npm ci --omit=dev`). A missing build, or one older
// than src/, stops with one line saying to build, rather than running code that is not what is on disk.
'use strict';
const { join } = require('node:path');
const { ROOT, buildState } = require('./build-freshness');

const build = buildState('app.js');
if (build.state !== 'fresh') {
  const why = build.state === 'stale' ? `is older than ${build.newer}` : 'is missing';
  process.stderr.write(`start: the build (dist/app.js) ${why}: run npm run build, then npm start\n`);
  process.exit(1);
}
require(join(ROOT, 'dist', 'app.js'))
  .main()
  .catch((error) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
