// The clarify card: the question could mean several topics, so it asks which, one button each.
import type { AskerKind, Topic } from '../knowledge/schema';
import { quoteForSlack } from '../text/slack-text';
import { actions, button, context, section } from './blocks';
import { ACTION, BLOCK, encodeTopicRef, positional } from './ids';
import type { Card } from './types';

export const CLARIFY_PROMPT = 'That could mean a few things. Which one is closest?';
const QUOTE_LIMIT = 300;

export interface ClarifyOptions {
  /** The kind of user the question named: the topic picked opens on that kind's steps. */
  kind?: AskerKind;
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
  blocks.push(
    section(`:thinking_face: ${CLARIFY_PROMPT}`),
    actions(
      BLOCK.choices,
      candidates.map((topic, index) =>
        button({
          actionId: positional(ACTION.openTopic, index),
          label: topic.title,
          value: encodeTopicRef({ topicId: topic.id, kind, questionId }),
        }),
      ),
    ),
  );
  return {
    text: `${CLARIFY_PROMPT} ${candidates.map((topic) => topic.title).join(' / ')}`,
    blocks,
  };
}
