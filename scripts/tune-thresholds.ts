// `npx tsx scripts/tune-thresholds.ts [--set FILE]...`: how thresholds.ts was chosen, and how to
// re-choose it after the corpus grows. It computes every question's features once, then tries a
// grid of weights and thresholds and prints the best settings by the evaluation's own measures:
// no more than 2% confident wrong answers first, then right answers, rejected out-of-scope questions
// and clarified ambiguous ones. The first set tunes; any further sets are only reported, so an
// unseen set shows whether the choice generalises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { loadKnowledge } from '../src/knowledge/load-knowledge';
import { createMatcher, decide, type QuestionFeatures, scoreTopics } from '../src/matching/matcher';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../src/matching/thresholds';
import { toPlainQuestion } from '../src/text/slack-text';

interface Row {
  q: string;
  expect?: string | null;
  ambiguous?: string[];
}

interface Metrics {
  top1: number;
  wrong: number;
  oos: number;
  clarified: number;
}

const args = process.argv.slice(2);
const sets = args.flatMap((arg, i) => (args[i - 1] === '--set' ? [arg] : []));
if (sets.length === 0) {
  sets.push(
    join(__dirname, '..', 'test', 'fixtures', 'dev.jsonl'),
    join(__dirname, '..', 'test', 'fixtures', 'holdout.jsonl'),
  );
}

const matcher = createMatcher(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
const loaded = sets.map((file) => {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  return { file, rows, features: rows.map((row) => matcher.features(toPlainQuestion(row.q))) };
});

function evaluate(rows: Row[], features: QuestionFeatures[], thresholds: Thresholds): Metrics {
  const n = { in: 0, top1: 0, wrong: 0, oos: 0, rejected: 0, amb: 0, clarified: 0 };
  rows.forEach((row, i) => {
    const found = features[i] as QuestionFeatures;
    const result = decide(scoreTopics(matcher.topics, found, thresholds), thresholds, found);
    if (row.ambiguous) {
      n.amb++;
      const hits = result.candidates.filter((t) => row.ambiguous?.includes(t.id)).length;
      if (result.kind === 'clarify' && hits >= 2) n.clarified++;
    } else if (row.expect === null) {
      n.oos++;
      if (result.kind === 'fallback') n.rejected++;
    } else {
      n.in++;
      if (result.kind === 'answer' && result.topic?.id === row.expect) n.top1++;
      else if (result.kind === 'answer') n.wrong++;
    }
  });
  const r = (a: number, b: number) => (b ? a / b : 1);
  return {
    top1: r(n.top1, n.in),
    wrong: r(n.wrong, n.in),
    oos: r(n.rejected, n.oos),
    clarified: r(n.clarified, n.amb),
  };
}

/** The bars of the answer-quality issue (and of `npm run eval`). */
const BARS = { top1: 0.95, wrong: 0.02, oos: 0.9, clarified: 0.8 };

/**
 * How far a setting falls short of the bars (a confident wrong answer counts ten times), with a small
 * reward for quality beyond them to break ties.
 */
const cost = (m: Metrics): number =>
  10 * Math.max(0, m.wrong - BARS.wrong) +
  Math.max(0, BARS.top1 - m.top1) +
  Math.max(0, BARS.oos - m.oos) +
  Math.max(0, BARS.clarified - m.clarified) -
  0.05 * (m.top1 + m.oos + m.clarified - 4 * m.wrong);

/** The values tried for each tuned setting; every combination is evaluated. */
const grid: Partial<Record<keyof Thresholds, number[]>> = {
  termWeightPower: [0.4, 0.5, 0.6],
  phraseWeight: [0.35, 0.5, 0.65],
  foreignWeight: [4, 8],
  foreignWeightAnchored: [2.5, 3.5, 5],
  unknownWeight: [0, 0.1],
  minEvidence: [0, 0.5],
  minScore: [0.2, 0.25, 0.3],
  minClearScore: [0.15, 0.2],
  clearLeadRatio: [0.4, 0.5],
  clarifyRatio: [0.3, 0.4, 0.5],
  clarifyRatioPerWeight: [0.05, 0.1, 0.15],
};

function* combinations(base: Thresholds): Generator<Thresholds> {
  const entries = Object.entries(grid) as Array<[keyof Thresholds, number[]]>;
  const walk = function* (index: number, current: Thresholds): Generator<Thresholds> {
    const entry = entries[index];
    if (!entry) {
      yield current;
      return;
    }
    const [key, values] = entry;
    for (const value of values) yield* walk(index + 1, { ...current, [key]: value });
  };
  yield* walk(0, base);
}

const results: Array<{ thresholds: Thresholds; metrics: Metrics[] }> = [];
for (const thresholds of combinations(DEFAULT_THRESHOLDS)) {
  results.push({ thresholds, metrics: loaded.map((set) => evaluate(set.rows, set.features, thresholds)) });
}
results.sort((a, b) => cost(a.metrics[0] as Metrics) - cost(b.metrics[0] as Metrics));

const show = (m: Metrics) =>
  `top1 ${m.top1.toFixed(3)} wrong ${m.wrong.toFixed(3)} oos ${m.oos.toFixed(3)} clarified ${m.clarified.toFixed(3)}`;
const names = loaded.map((set) => set.file.split('/').pop());
console.log(
  `current thresholds.ts: ${loaded.map((set, i) => `${names[i]}: ${show(evaluate(set.rows, set.features, DEFAULT_THRESHOLDS))}`).join(' | ')}`,
);
console.log(`best ${Math.min(10, results.length)} of ${results.length} settings, tuned on ${names[0]}:`);
for (const { thresholds, metrics } of results.slice(0, 10)) {
  const tuned = Object.fromEntries(Object.keys(grid).map((key) => [key, thresholds[key as keyof Thresholds]]));
  console.log(JSON.stringify(tuned));
  for (const [i, m] of metrics.entries()) console.log(`    ${names[i]}: ${show(m)}`);
}
