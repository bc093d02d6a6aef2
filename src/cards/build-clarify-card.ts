// The clarify card: the question could mean several topics, so it asks which, one button each.
import type { AskerKind, Topic } from '../knowledge/schema';
import { escapeMrkdwn, quoteForSlack } from '../text/slack-text';
import { context, section } from './blocks';
import { topicChoicesBlock, topicMenuBlock } from './topic-menu';
import type { Card } from './types';

export const CLARIFY_PROMPT = 'That could mean a few things. Which one is closest?';
export const TWO_PROBLEMS_PROMPT = 'This sounds like two things. Which one shall we start with?';
const QUOTE_LIMIT = 300;

export interface ClarifyOptions {
  /** The question read as two separate problems, one sentence each: the card says so. */
  twoProblems?: boolean;
  /** The kind of user the question named: the topic picked opens on that kind's steps. */
  kind?: AskerKind;
  /** Every topic, for "none of these": the card ends with the topic menu. */
  allTopics?: readonly Topic[];
  /** The person who asked: the choices are theirs (anyone else who clicks gets a card of their own). */
  askerId?: string;
}

export const NONE_OF_THESE = 'None of these? Pick what you are stuck on:';

/** "This sounds like two things: your MFA device and your root password." */
export function twoProblemsLine(candidates: readonly Topic[]): string {
  const titles = candidates.map((topic) => `*${escapeMrkdwn(topic.title)}*`);
  const listed = titles.length <= 2 ? titles.join(' and ') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  return `:jigsaw: ${TWO_PROBLEMS_PROMPT.split('.')[0]}: ${listed}.`;
}

/** With `questionId`, the chosen topic's card still answers (and is rated against) the question asked. */
export function buildClarifyCard(
  candidates: readonly Topic[],
  question?: string,
  questionId?: number,
  options: ClarifyOptions = {},
): Card {
  const { kind } = options;
  const blocks: Card['blocks'] = [];
  if (question) blocks.push(context([`You asked: _${quoteForSlack(question, QUOTE_LIMIT)}_`], { verbatim: true }));
  if (options.twoProblems) blocks.push(section(twoProblemsLine(candidates)));
  blocks.push(
    section(
      options.twoProblems
        ? 'Which one shall we start with? You can come back for the other.'
        : `:thinking_face: ${CLARIFY_PROMPT}`,
    ),
    topicChoicesBlock(candidates, { kind, questionId, askerId: options.askerId }),
  );
  // The matcher may have been unsure of all of them: the way to every other topic stays one click away.
  if (options.allTopics && options.allTopics.length > candidates.length) {
    blocks.push(
      section(NONE_OF_THESE),
      topicMenuBlock(options.allTopics, { kind, questionId, askerId: options.askerId }),
    );
  }
  const prompt = options.twoProblems ? TWO_PROBLEMS_PROMPT : CLARIFY_PROMPT;
  return {
    text: `${prompt} ${candidates.map((topic) => escapeMrkdwn(topic.title)).join(' / ')}`,
    blocks,
  };
}
