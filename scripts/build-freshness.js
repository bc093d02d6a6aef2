// Is the compiled build in dist/ the code in src/? The command line and `npm start` run the build only when it
// is at least as new as every file it is compiled from (src/**, tsconfig*.json): a developer who edits src/
// and runs `npm run eval` straight away must get the code they just wrote, never last week's build.
// knowledge/*.yml is not compiled: both the build and the sources read it at run time.
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');

/** The newest file a build is made from: { file, mtimeMs }, or undefined without sources (a bare install). */
function newestSource(root = ROOT) {
  let newest;
  const consider = (file) => {
    let mtimeMs;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return;
    }
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) consider(path);
    }
  };
  walk(join(root, 'src'));
  consider(join(root, 'tsconfig.json'));
  consider(join(root, 'tsconfig.build.json'));
  return newest;
}

/**
 * What to do about the build of `entry` (a path inside dist/, like 'cli/ask.js'):
 * { state: 'fresh' | 'missing' } or { state: 'stale', newer } naming a source file newer than the build.
 */
function buildState(entry, root = ROOT) {
  let built;
  try {
    built = statSync(join(root, 'dist', entry)).mtimeMs;
  } catch {
    return { state: 'missing' };
  }
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > built) return { state: 'stale', newer: relative(root, newest.file) };
  return { state: 'fresh' };
}

module.exports = { ROOT, buildState, newestSource };
