// `npm run bench`: how fast the matcher is on this machine, printed as figures (never asserted in a test).
//   corpus load + index build time (median of several cold builds), match latency p50/p99 over the
//   evaluation questions once the process is warm, and while it warms up (its first rounds: V8 compiles
//   and recompiles the matcher then, and each new word is looked up and corrected once), questions never
//   asked before in the warm process, and the process's peak memory. The bar is judged warm, on questions
//   asked before, as it always was (after one warm-up round then); the other figures are printed beside it.
// Bars (issue "Answer quality"): p99 match under 1 ms; corpus load plus index build under 200 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { loadKnowledge } from '../src/knowledge/load-knowledge';
import { loadEnglishWords } from '../src/matching/english-words';
import { createMatcher } from '../src/matching/matcher';
import { toPlainQuestion } from '../src/text/slack-text';

const BUILD_RUNS = 15;
const MATCH_ROUNDS = 20;
/** Rounds over the questions before the timed ones, themselves timed and printed apart. */
const WARM_UP_ROUNDS = 5;

function questionSets(names = ['dev', 'holdout']): string[] {
  const files = names.map((name) => join(__dirname, '..', 'test', 'fixtures', `${name}.jsonl`));
  return files
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(3)} ms`;

function main(): void {
  const coldStarted = performance.now();
  let matcher = createMatcher(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  const coldBuild = performance.now() - coldStarted;
  const builds: number[] = [];
  for (let i = 0; i < BUILD_RUNS; i++) {
    const started = performance.now();
    matcher = createMatcher(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
    builds.push(performance.now() - started);
  }
  builds.sort((a, b) => a - b);

  // The English word list loads on the first word the corpus does not know: once per process.
  const wordsStarted = performance.now();
  loadEnglishWords();
  const wordListLoad = performance.now() - wordsStarted;

  const questions = questionSets().map(toPlainQuestion);
  if (questions.length === 0) throw new Error('no questions found to benchmark with');
  const timed = (question: string): number => {
    const started = performance.now();
    matcher.match(question);
    return performance.now() - started;
  };
  /** Each question timed once a round, every time sorted. */
  const timeRounds = (list: readonly string[], rounds: number): number[] =>
    Array.from({ length: rounds }, () => list.map(timed))
      .flat()
      .sort((a, b) => a - b);
  const warmingUp = timeRounds(questions, WARM_UP_ROUNDS); // JIT and the typo cache
  const latencies = timeRounds(questions, MATCH_ROUNDS);
  // Questions the warm process has never seen, each once: their new words are looked up and corrected
  // (then cached), which the repeated rounds above no longer pay for.
  const unseen = questionSets(['real-posts', 'short-probe', 'long-probe']).map(toPlainQuestion);
  const unseenLatencies = timeRounds(unseen, 1);
  // The worst a person (or an attacker) can send: 400 characters of words never seen before, each a new
  // typo to correct, none of them cached. Seeded, so every run measures the same questions.
  let seed = 7;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 'abcdefghijklmnopqrstuvwxyz'[seed % 26] as string;
  };
  const junk = [4, 8, 16, 24].flatMap((length) =>
    Array.from({ length: 50 }, () =>
      Array.from({ length: Math.floor(400 / (length + 1)) }, () => Array.from({ length }, letter).join(''))
        .join(' ')
        .slice(0, 400),
    ),
  );
  const junkLatencies = timeRounds(junk, 1);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  console.log(
    `corpus load + index build: first (cold) ${ms(coldBuild)}, then median ${ms(percentile(builds, 50))}, max ${ms(builds.at(-1) ?? 0)} (${BUILD_RUNS} builds)`,
  );
  console.log(
    `match latency, warm (questions asked before, so their words' corrections are cached): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? 0)} (${latencies.length} matches of ${questions.length} questions)`,
  );
  console.log(
    `match latency, warm, questions never asked before (${unseen.length}, once each): p50 ${ms(percentile(unseenLatencies, 50))}, p99 ${ms(percentile(unseenLatencies, 99))}, max ${ms(unseenLatencies.at(-1) ?? 0)}`,
  );
  console.log(
    `match latency while warming up (the first ${warmingUp.length} matches of the process): p50 ${ms(percentile(warmingUp, 50))}, p99 ${ms(percentile(warmingUp, 99))}, max ${ms(warmingUp.at(-1) ?? 0)}`,
  );
  console.log(
    `never-seen words (${junk.length} questions of 400 characters, every word a new typo): p50 ${ms(percentile(junkLatencies, 50))}, p99 ${ms(percentile(junkLatencies, 99))}, max ${ms(junkLatencies.at(-1) ?? 0)}`,
  );
  console.log(`English word list (loaded once, on the first unknown word): ${ms(wordListLoad)}`);
  console.log(`peak memory (max RSS): ${peakRssMb.toFixed(1)} MB`);
  console.log(
    `bars: p99 match < 1 ms (warm, questions asked before): ${percentile(latencies, 99) < 1 ? 'met' : 'MISSED'}; load + build < 200 ms (cold): ${coldBuild < 200 ? 'met' : 'MISSED'}`,
  );
}

main();
