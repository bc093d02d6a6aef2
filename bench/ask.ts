// `npm run bench:ask`: what `npm run ask` costs over the program itself, printed as figures (never asserted
// in a test). Builds once, then times one question both ways, alternating so drift on the machine falls on
// both alike: `node dist/cli/ask.js "question"` (the program's own time) and `npm run --silent ask --
// "question"` (what a person types: npm, the build-freshness check, then the same program in-process).
// Prints the medians and their ratio, `node scripts/ask.js` (the launcher npm runs: its freshness check and
// the same program in-process, without npm), and `npm run` of a script that is not there (npm's own share).
// Bar (issue 13): `npm run ask` within 1.5x the program's own time.
//   npm run bench:ask -- [--runs 15] [--question "lost my mfa phone"]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const ROOT = join(__dirname, '..');

function timeOnce(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  if (run.stderr.trim()) throw new Error(`${command} ${args.join(' ')} wrote to stderr: ${run.stderr.trim()}`);
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function main(): void {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '15' }, question: { type: 'string', default: 'lost my mfa phone' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const direct: number[] = [];
  const viaNpm: number[] = [];
  const launcher: number[] = [];
  const npmAlone: number[] = [];
  // One of each first, unmeasured: the file cache is then warm for both.
  timeOnce('node', ['dist/cli/ask.js', values.question]);
  timeOnce('npm', ['run', '--silent', 'ask', '--', values.question]);
  for (let i = 0; i < runs; i++) {
    direct.push(timeOnce('node', ['dist/cli/ask.js', values.question]));
    viaNpm.push(timeOnce('npm', ['run', '--silent', 'ask', '--', values.question]));
    launcher.push(timeOnce('node', ['scripts/ask.js', values.question]));
    npmAlone.push(timeOnce('npm', ['run', '--silent', '--if-present', 'no-such-script']));
  }
  const program = median(direct);
  const command = median(viaNpm);
  console.log(`node dist/cli/ask.js:        median ${program.toFixed(0)} ms over ${runs} runs`);
  console.log(`npm run --silent ask:        median ${command.toFixed(0)} ms`);
  console.log(`node scripts/ask.js:         median ${median(launcher).toFixed(0)} ms (the launcher, without npm)`);
  console.log(`npm run of no script:       median ${median(npmAlone).toFixed(0)} ms (npm's own start-up)`);
  console.log(`ratio: ${(command / program).toFixed(2)}x the program's own time (bar: 1.5x)`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench:ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
