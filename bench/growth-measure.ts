// One size of `npm run bench:growth`, in a process of its own (started by bench/growth.ts with
// --expose-gc, so heap figures are what stays reachable): loads the corpus in the folder given through
// the real answer path, then prints one JSON line: load + build time, heap used, match p50/p99 over the
// dev questions once warm (and p99 while warming up: the first rounds, as in bench/match-bench.ts), and the
// dev-set scores as `npm run eval` counts them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAnswerPath } from '../src/answer/create-answer-path';
import { textForMatching } from '../src/answer/create-answerer';
import { redactSecrets } from '../src/text/secrets';
import { toPlainQuestion } from '../src/text/slack-text';

export interface GrowthFigures {
  topics: number;
  buildMs: number;
  heapMb: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * The same in CPU time: without the time other processes took the core, but with the work of every
   * thread of this one (the garbage collector's helpers too).
   */
  cpuP50Ms: number;
  cpuP99Ms: number;
  /** Wall-clock p99 over the first rounds, while V8 still compiles the matcher. */
  warmingUpP99Ms: number;
  top1: number;
  wrong: number;
  oos: number;
  clarified: number;
}

interface Row {
  q: string;
  expect?: string | null;
  ambiguous?: string[];
}

const MATCH_ROUNDS = 20;
/** Rounds over the dev questions before the timed ones, timed apart (the dev-set scoring pass comes first). */
const WARM_UP_ROUNDS = 5;
const DEV_SET = join(__dirname, '..', 'test', 'fixtures', 'dev.jsonl');

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / 2 ** 20;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function measure(folder: string): GrowthFigures {
  const rows = readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
  collect();
  const heapBefore = heapMb();
  const started = performance.now();
  const path = createAnswerPath({ adminContact: 'the IT service desk' }, folder);
  const buildMs = performance.now() - started;
  collect();
  const heapUsed = heapMb() - heapBefore;

  // The dev-set scores, as the evaluation counts them (score.mjs) from the answers `npm run ask` gives.
  const n = { in: 0, top1: 0, wrong: 0, oos: 0, rejected: 0, amb: 0, clarified: 0 };
  for (const row of rows) {
    const outcome = path.answerer.answer(row.q.replace(/\n/g, ' ')).outcome;
    const kind = outcome?.kind ?? 'fallback';
    const candidates = outcome?.candidates.map((topic) => topic.id) ?? [];
    if (row.ambiguous) {
      n.amb++;
      const ambiguous = row.ambiguous;
      if (kind === 'clarify' && candidates.filter((id) => ambiguous.includes(id)).length >= 2) n.clarified++;
    } else if (row.expect === null) {
      n.oos++;
      if (kind === 'fallback') n.rejected++;
    } else {
      n.in++;
      if (kind === 'answer' && outcome?.topic?.id === row.expect) n.top1++;
      else if (kind === 'answer') n.wrong++;
    }
  }

  // Match latency: the matcher alone, on the text the answerer gives it, once warm.
  const texts = rows.map((row) => textForMatching(redactSecrets(toPlainQuestion(row.q)).text));
  const warmingUp: number[] = [];
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const text of texts) {
      const matchStarted = performance.now();
      path.matcher.match(text);
      warmingUp.push(performance.now() - matchStarted);
    }
  }
  warmingUp.sort((a, b) => a - b);
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < MATCH_ROUNDS; round++) {
    for (const text of texts) {
      const cpuStarted = process.cpuUsage();
      const matchStarted = performance.now();
      path.matcher.match(text);
      latencies.push(performance.now() - matchStarted);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const ratio = (a: number, b: number): number => (b ? a / b : 1);
  return {
    topics: path.corpus.topics.length,
    buildMs,
    heapMb: heapUsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuP50Ms: percentile(cpuTimes, 50),
    cpuP99Ms: percentile(cpuTimes, 99),
    warmingUpP99Ms: percentile(warmingUp, 99),
    top1: ratio(n.top1, n.in),
    wrong: ratio(n.wrong, n.in),
    oos: ratio(n.rejected, n.oos),
    clarified: ratio(n.clarified, n.amb),
  };
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/growth-measure.ts <knowledge folder>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(measure(folder))}\n`);
}
