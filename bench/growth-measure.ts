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
  /** Wall-clock and CPU time of each match over some rounds of the dev questions, each sorted. */
  const timeRounds = (rounds: number): { wall: number[]; cpu: number[] } => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const text of texts) {
        const cpuStarted = process.cpuUsage();
        const matchStarted = performance.now();
        path.matcher.match(text);
        wall.push(performance.now() - matchStarted);
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
  };
  const warmingUp = timeRounds(WARM_UP_ROUNDS).wall;
  const { wall: latencies, cpu: cpuTimes } = timeRounds(MATCH_ROUNDS);
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
