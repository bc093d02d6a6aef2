// `npx tsx scripts/explain.ts "question"`: what the matcher made of a question (terms, noise, the five
// best topics and their scores), sentence by sentence when it has several, and what it decided. For
// whoever edits the corpus.
import { textForMatching } from '../src/answer/create-answerer';
import { endQuietlyWhenReaderCloses } from '../src/cli/closed-pipe';
import { KnowledgeError, loadKnowledge } from '../src/knowledge/load-knowledge';
import { createMatcher, decide, evidenceWeight, type QuestionFeatures, scoreTopics } from '../src/matching/matcher';
import { DEFAULT_THRESHOLDS } from '../src/matching/thresholds';
import { toPlainQuestion } from '../src/text/slack-text';
import { configuredKnowledgeFolder } from './configured-knowledge';

endQuietlyWhenReaderCloses('explain');

/** The corpus the app would answer from (KNOWLEDGE_DIR, in the environment or .env); a broken one is said in plain words. */
function loadMatcher() {
  const folder = configuredKnowledgeFolder();
  if (folder === undefined) process.exit(2);
  try {
    return createMatcher(loadKnowledge(folder));
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const matcher = loadMatcher();

function show(label: string, features: QuestionFeatures): void {
  const ranking = scoreTopics(matcher.topics, features, DEFAULT_THRESHOLDS);
  const result = decide(ranking, DEFAULT_THRESHOLDS, features);
  console.log(
    `  ${label}: ${features.terms.join(' ')}\n    foreign ${features.foreignTerms}, other task ${features.otherTaskTerms}, unknown ${features.unknownTerms}, anchored ${features.anchored}, evidence ${evidenceWeight(features, DEFAULT_THRESHOLDS).toFixed(2)}`,
  );
  for (const { topic, score } of ranking.slice(0, 4)) console.log(`    ${score.toFixed(3)}  ${topic.id}`);
  console.log(`    alone: ${result.kind} ${result.topic?.id ?? ''}`);
}

for (const raw of process.argv.slice(2)) {
  const question = textForMatching(toPlainQuestion(raw));
  const reading = matcher.read(question);
  console.log(`\n${question}`);
  show('whole', reading.whole);
  for (const [i, features] of reading.sentences.entries()) show(`sentence ${i + 1}`, features);
  const result = matcher.match(question);
  console.log(
    `  -> ${result.kind}${result.twoProblems ? ' (two problems)' : ''} ${result.topic?.id ?? ''} [${result.candidates.map((t) => t.id).join(', ')}]`,
  );
}
