// `npm run eval:nearest [-- FILE ...]`: what the nearest topics on a fallback card do (docs/matching.md,
// "Nearest topics on a fallback"). For each evaluation set: of the in-scope questions that fall back, how
// many get nearest topics and how many of those include the right one; of the off-topic questions that
// fall back, how many get nearest topics anyway (noise under "I'm not sure"). Sets: the three fixture
// sets, or the JSONL files named. Goes through the same answer path as Slack and `npm run ask`.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createAnswerPath } from '../src/answer/create-answer-path';

interface Row {
  q: string;
  expect?: string | null;
  ambiguous?: string[];
}

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
const files = process.argv.slice(2);
const sets =
  files.length > 0 ? files : ['dev.jsonl', 'holdout.jsonl', 'real-posts.jsonl'].map((f) => join(FIXTURES, f));
const { answerer } = createAnswerPath({});

for (const file of sets) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
  const n = { inScope: 0, offered: 0, right: 0, offTopic: 0, offTopicOffered: 0 };
  for (const row of rows) {
    const outcome = answerer.answer(row.q).outcome;
    if (outcome?.kind !== 'fallback' || row.ambiguous) continue;
    const nearest = (outcome.suggestions ?? []).map((topic) => topic.id);
    if (row.expect === null || row.expect === undefined) {
      n.offTopic++;
      if (nearest.length > 0) n.offTopicOffered++;
    } else {
      n.inScope++;
      if (nearest.length > 0) n.offered++;
      if (nearest.includes(row.expect)) n.right++;
    }
  }
  console.log(
    `${basename(file)}: in-scope fallbacks ${n.inScope}, with nearest topics ${n.offered}, the right one among them ${n.right}; ` +
      `off-topic fallbacks ${n.offTopic}, with nearest topics ${n.offTopicOffered}`,
  );
}
