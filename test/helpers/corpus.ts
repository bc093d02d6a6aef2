// The real corpus and answer path, built once per test file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnswerPath, createAnswerPath } from '../../src/answer/create-answer-path';
import type { CardContext } from '../../src/cards/types';

export const ORG_CONTEXT: CardContext = {
  adminContact: '<#C0HELP0001|aws-help>',
  accessPortalUrl: 'https://d-1234567890.awsapps.com/start',
};

let cached: AnswerPath | undefined;
export function realAnswerPath(): AnswerPath {
  cached ??= createAnswerPath(ORG_CONTEXT);
  return cached;
}

/** The topic ids `test/fixtures/topics.md` says the corpus must have. */
export function requiredTopicIds(): string[] {
  const topicsMd = readFileSync(join(__dirname, '..', 'fixtures', 'topics.md'), 'utf8');
  return [...topicsMd.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1] as string);
}
