// `npm run bench:growth`: what a growing corpus costs. Grows the shipped corpus with generated
// internal-IT topics (bench/growth-corpus.ts) to 100, 500, 2,000 and 5,000 topics and prints, per size:
// corpus load + index build time, heap kept by the corpus and index, match p50/p99 over the dev
// questions once warm (and p99 while warming up), and the dev-set scores. Then the wall time and peak
// memory of one `npm run ask` against the shipped corpus and against 2,000 topics. Figures are printed,
// never asserted.
// Bars (issue 9): 500 topics: top1 >= 0.92, wrong <= 0.02, oos >= 0.90, clarified >= 0.75;
// 2,000 topics: one ask at most 1.6x the wall time and 100 MB more peak memory than shipped, match
// p99 under 1 ms; 5,000 topics load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { writeGrowthCorpus } from './growth-corpus';
import type { GrowthFigures } from './growth-measure';

const SIZES = [100, 500, 2000, 5000];
const ASK_SIZE = 2000;
const ASK_RUNS = 5;
const ASK_QUESTION = "I lost my MFA phone and can't sign in as root";
const ROOT = join(__dirname, '..');

const fixed = (value: number, digits = 3): string => value.toFixed(digits);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function measureSize(folder: string): GrowthFigures {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(__dirname, 'growth-measure.ts'), folder],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`measuring ${folder} failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as GrowthFigures;
}

/**
 * One `npm run --silent ask -- --json "question"`, as a person runs it: wall time, and the peak memory
 * (max RSS) of its largest process, which every Node process of the run reports at exit through a
 * preloaded module (what `/usr/bin/time` reports as maximum resident set size, without needing it).
 */
function oneAsk(knowledgeDir: string, reportFile: string): { wallMs: number; peakMb: number } {
  rmSync(reportFile, { force: true });
  const preload = join(__dirname, 'report-max-rss.cjs');
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json', ASK_QUESTION], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      KNOWLEDGE_DIR: knowledgeDir,
      MAX_RSS_REPORT: reportFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    },
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`npm run ask failed (exit ${run.status}):\n${run.stderr}`);
  const reported = readFileSync(reportFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map(Number);
  return { wallMs, peakMb: Math.max(...reported) / 1024 };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'bench-growth-'));
  try {
    console.log('match, once warm: wall time p50 / p99, then CPU time p50 / p99 (the machine may be shared: CPU time');
    console.log("leaves out waiting for a core, but counts every thread of the process, the garbage collector's too);");
    console.log(
      'then the wall-time p99 while warming up (the first 5 rounds over the dev questions, after the scoring pass).',
    );
    console.log('Scores: the dev set (test/fixtures/dev.jsonl) as `npm run eval` counts them.');
    console.log(
      'topics  load+build     heap   match wall p50/p99     match CPU p50/p99  warming p99  top1   wrong  oos    clarified',
    );
    const folders = new Map<number, string>();
    for (const size of SIZES) {
      const folder = join(work, `corpus-${size}`);
      writeGrowthCorpus(DEFAULT_KNOWLEDGE_DIR, folder, size);
      folders.set(size, folder);
      const f = measureSize(folder);
      console.log(
        [
          String(f.topics).padStart(6),
          `${fixed(f.buildMs, 0)} ms`.padStart(11),
          `${fixed(f.heapMb, 1)} MB`.padStart(9),
          `${fixed(f.p50Ms)} / ${fixed(f.p99Ms)} ms`.padStart(20),
          `${fixed(f.cpuP50Ms)} / ${fixed(f.cpuP99Ms)} ms`.padStart(20),
          `${fixed(f.warmingUpP99Ms)} ms`.padStart(12),
          fixed(f.top1).padEnd(6),
          fixed(f.wrong).padEnd(6),
          fixed(f.oos).padEnd(6),
          fixed(f.clarified),
        ].join(' '),
      );
    }

    const grown = folders.get(ASK_SIZE) as string;
    const reportFile = join(work, 'max-rss.txt');
    const shipped: { wallMs: number; peakMb: number }[] = [];
    const large: { wallMs: number; peakMb: number }[] = [];
    oneAsk(DEFAULT_KNOWLEDGE_DIR, reportFile); // warm-up: npm, tsx's cache, the file system cache
    for (let i = 0; i < ASK_RUNS; i++) {
      shipped.push(oneAsk(DEFAULT_KNOWLEDGE_DIR, reportFile));
      large.push(oneAsk(grown, reportFile));
    }
    const wall = (runs: typeof shipped) => median(runs.map((run) => run.wallMs));
    const peak = (runs: typeof shipped) => median(runs.map((run) => run.peakMb));
    console.log(
      `one npm run ask (median of ${ASK_RUNS}, runs interleaved): shipped corpus ${fixed(wall(shipped), 0)} ms, ` +
        `peak RSS ${fixed(peak(shipped), 1)} MB; ${ASK_SIZE} topics ${fixed(wall(large), 0)} ms, ` +
        `peak RSS ${fixed(peak(large), 1)} MB`,
    );
    console.log(
      `  ${ASK_SIZE} topics vs shipped: ${fixed(wall(large) / wall(shipped), 2)}x the wall time (bar 1.6x), ` +
        `${fixed(peak(large) - peak(shipped), 1)} MB more peak memory (bar 100 MB)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
