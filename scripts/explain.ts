// `npx tsx scripts/explain.ts "question"`: what the matcher made of a question (terms, noise penalty,
// the five best topics and their scores) and what it decided. For whoever edits the corpus.
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { loadKnowledge } from '../src/knowledge/load-knowledge';
import { createMatcher, evidenceWeight, scoreTopics } from '../src/matching/matcher';
import { DEFAULT_THRESHOLDS } from '../src/matching/thresholds';
import { toPlainQuestion } from '../src/text/slack-text';

const matcher = createMatcher(loadKnowledge(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR));
for (const raw of process.argv.slice(2)) {
  const question = toPlainQuestion(raw);
  const features = matcher.features(question);
  const ranking = scoreTopics(matcher.topics, features, DEFAULT_THRESHOLDS);
  const result = matcher.match(question);
  console.log(
    `\n${question}\n  terms: ${features.terms.join(' ')}\n  foreign: ${features.foreignTerms}, unknown: ${features.unknownTerms}, anchored: ${features.anchored}, evidence ${evidenceWeight(features, DEFAULT_THRESHOLDS).toFixed(2)}`,
  );
  for (const { topic, score } of ranking.slice(0, 5)) console.log(`  ${score.toFixed(3)}  ${topic.id}`);
  console.log(`  -> ${result.kind} ${result.topic?.id ?? ''} [${result.candidates.map((t) => t.id).join(', ')}]`);
}
