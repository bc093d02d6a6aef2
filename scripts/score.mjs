#!/usr/bin/env node
// `npm run eval` / `npm run eval:holdout`: scores the matcher on an evaluation set, through the same batch
// command anyone can run (`npm run --silent ask -- --json`), so what is scored is what people get.
//
// A set is JSON lines: {"q": "...", "expect": "<topic-id>"} (in scope), {"q", "expect": null} (out of scope:
// the fallback is right), {"q", "ambiguous": ["<id>", ...]} (a clarifying question offering two of them is
// right). The command reads one question a line on stdin and prints one JSON line each:
//   {"kind": "answer" | "clarify" | "fallback", "topic": id | null, "candidates": [id, ...], "confidence": 0..1}
//
//   node scripts/score.mjs [--set FILE] [--cmd "npm run --silent ask -- --json"] [--show-failures]
//                          [--min-top1 0.95] [--max-wrong 0.02] [--min-oos 0.90] [--min-clarify 0.80]
// Exit 0 when every bar given holds, 1 when one is missed, 2 on bad arguments or a broken command.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: node scripts/score.mjs [--set FILE] [--cmd COMMAND] [--show-failures]
         [--min-top1 N] [--max-wrong N] [--min-oos N] [--min-clarify N]`;

/** [option, metric, holds(value, bar)]: the bars a run can be held to. */
const BARS = [
  ['min-top1', 'top1', (value, bar) => value >= bar],
  ['max-wrong', 'wrong', (value, bar) => value <= bar],
  ['min-oos', 'oos_rejected', (value, bar) => value >= bar],
  ['min-clarify', 'clarified', (value, bar) => value >= bar],
];

function fail(message) {
  process.stderr.write(`score: ${message}\n`);
  process.exit(2);
}

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        set: { type: 'string', default: join(ROOT, 'test', 'fixtures', 'dev.jsonl') },
        cmd: { type: 'string', default: 'npm run --silent ask -- --json' },
        'show-failures': { type: 'boolean', default: false },
        ...Object.fromEntries(BARS.map(([option]) => [option, { type: 'string' }])),
      },
    });
    for (const [option] of BARS) {
      if (values[option] !== undefined && !Number.isFinite(Number(values[option]))) {
        throw new Error(`--${option} needs a number, not "${values[option]}"`);
      }
    }
    return values;
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
}

function readSet(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read the set ${file}: ${error.code ?? error.message}`);
  }
  return text
    .split('\n')
    .map((line, index) => [line, index + 1])
    .filter(([line]) => line.trim())
    .map(([line, number]) => {
      try {
        const row = JSON.parse(line);
        if (typeof row.q !== 'string') throw new Error('no "q" string');
        return row;
      } catch (error) {
        return fail(`${file}:${number}: not a question line (${error.message})`);
      }
    });
}

/** Runs the batch command once over every question; returns its JSON lines and how long it took. */
function ask(cmd, rows) {
  const started = process.hrtime.bigint();
  const input = `${rows.map((row) => row.q.replace(/[\r\n]+/g, ' ')).join('\n')}\n`;
  const run = spawnSync('sh', ['-c', cmd], { cwd: ROOT, input, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) fail(`'${cmd}' exited ${run.status}\n${run.stderr}`);
  const replies = run.stdout
    .toString()
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line));
  if (replies.length !== rows.length) fail(`${rows.length} questions in, ${replies.length} JSON lines out`);
  return { replies, seconds };
}

function score(rows, replies) {
  const n = { in: 0, top1: 0, top3: 0, wrong: 0, oos: 0, rejected: 0, amb: 0, clarified: 0 };
  const failures = [];
  rows.forEach((row, i) => {
    const reply = replies[i];
    const candidates = Array.isArray(reply.candidates) ? reply.candidates : [];
    const got = `${reply.kind} ${reply.topic ?? ''} [${candidates.join(',')}]`;
    if (row.ambiguous) {
      n.amb++;
      const offered = candidates.filter((id) => row.ambiguous.includes(id)).length;
      if (reply.kind === 'clarify' && offered >= 2) n.clarified++;
      else failures.push(`ambiguous    ${JSON.stringify(row.q)} -> ${got}`);
    } else if (row.expect === null) {
      n.oos++;
      if (reply.kind === 'fallback') n.rejected++;
      else failures.push(`out-of-scope ${JSON.stringify(row.q)} -> ${got}`);
    } else {
      n.in++;
      const right = reply.kind === 'answer' && reply.topic === row.expect;
      if (right) n.top1++;
      else failures.push(`in-scope     ${JSON.stringify(row.q)} wanted ${row.expect} -> ${got}`);
      if (reply.kind === 'answer' && !right) n.wrong++;
      if (right || candidates.slice(0, 3).includes(row.expect)) n.top3++;
    }
  });
  const share = (part, whole) => (whole ? part / whole : 1);
  return {
    metrics: {
      top1: share(n.top1, n.in),
      top3: share(n.top3, n.in),
      wrong: share(n.wrong, n.in),
      oos_rejected: share(n.rejected, n.oos),
      clarified: share(n.clarified, n.amb),
    },
    failures,
  };
}

const options = readOptions();
const rows = readSet(options.set);
const { replies, seconds } = ask(options.cmd, rows);
const { metrics, failures } = score(rows, replies);
if (options['show-failures']) for (const line of failures) console.log(line);
let ok = true;
for (const [option, metric, holds] of BARS) {
  const bar = options[option];
  if (bar !== undefined && !holds(metrics[metric], Number(bar))) {
    ok = false;
    console.log(`short: ${metric} ${metrics[metric].toFixed(3)} against --${option} ${bar}`);
  }
}
const f = (value) => value.toFixed(3);
console.log(
  `${options.set.split('/').pop()}: top1 ${f(metrics.top1)} top3 ${f(metrics.top3)} wrong ${f(metrics.wrong)} ` +
    `oos_rejected ${f(metrics.oos_rejected)} clarified ${f(metrics.clarified)} ` +
    `(${rows.length} questions, ${seconds.toFixed(2)} s)`,
);
process.exit(ok ? 0 : 1);
