// Builds the answer path once at start: corpus -> matcher -> answerer. Used by the app and the CLI.
import { join } from 'node:path';
import type { CardContext } from '../cards/types';
import { type Corpus, loadKnowledge } from '../knowledge/load-knowledge';
import { createMatcher, type Matcher } from '../matching/matcher';
import { type Answerer, type AnswererDeps, createAnswerer } from './create-answerer';

/** The corpus that ships with the app: `knowledge/` at the project root. */
export const DEFAULT_KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');

export interface AnswerPath {
  corpus: Corpus;
  matcher: Matcher;
  answerer: Answerer;
}

/** `recording` is for the app: where question outcomes go. The offline command line records nothing. */
export function createAnswerPath(
  cardContext: CardContext,
  knowledgeDir = DEFAULT_KNOWLEDGE_DIR,
  recording: Pick<AnswererDeps, 'questions' | 'onRecordError'> = {},
): AnswerPath {
  const corpus = loadKnowledge(knowledgeDir);
  const matcher = createMatcher(corpus);
  return { corpus, matcher, answerer: createAnswerer({ corpus, matcher, cardContext, ...recording }) };
}
