// The fallback card: nothing in the corpus fits. Says so plainly, offers the topic menu and contacts.
import type { AskerKind, Topic } from '../knowledge/schema';
import { escapeMrkdwn, quoteForSlack } from '../text/slack-text';
import { context, section } from './blocks';
import { topicChoicesBlock, topicMenuBlock } from './topic-menu';
import type { Card, CardContext } from './types';

export const FALLBACK_TEXT =
  "Sorry, I don't know this one. I only help with getting back into AWS accounts: sign-in pages, passwords, MFA, account IDs, access portals and who to contact.";
export const MENU_TEXT = 'What are you stuck on? Pick a topic, or ask me in your own words.';
/** The fallback with nearest topics: still not an answer, and it says so. */
export const NEAREST_TEXT = "I'm not sure I understood that one. The closest I know:";
export const NEAREST_MENU_TEXT = 'None of these? Pick what you are stuck on, or ask me in your own words.';

export interface FallbackOptions {
  /** The topics nearest the question (a post about AWS that fell short of an answer): one button each. */
  nearest?: readonly Topic[];
  /** The kind of user the question named: a topic opened from here opens on that kind's steps. */
  kind?: AskerKind;
  /** The person who asked: the menu and buttons are theirs (anyone else who picks gets a card of their own). */
  askerId?: string;
}
const QUOTE_LIMIT = 300;

export function contactsLine(context: CardContext): string {
  const admin = context.adminContact ? `your AWS administrator (${context.adminContact})` : 'your AWS administrator';
  return `For anything else about your organisation's AWS accounts, ask ${admin}.`;
}

export function buildFallbackCard(
  topics: readonly Topic[],
  cardContext: CardContext,
  question?: string,
  questionId?: number,
  options: FallbackOptions = {},
): Card {
  const blocks: Card['blocks'] = [];
  if (question) blocks.push(context([`You asked: _${quoteForSlack(question, QUOTE_LIMIT)}_`], { verbatim: true }));
  const nearest = options.nearest ?? [];
  const unsure =
    nearest.length > 0
      ? [
          section(`:thinking_face: ${NEAREST_TEXT}`),
          topicChoicesBlock(nearest, { kind: options.kind, questionId, askerId: options.askerId }),
          section(NEAREST_MENU_TEXT),
        ]
      : [section(`:shrug: ${FALLBACK_TEXT}`), section(MENU_TEXT)];
  blocks.push(
    ...unsure,
    topicMenuBlock(topics, { kind: options.kind, questionId, askerId: options.askerId }),
    context([contactsLine(cardContext)]),
  );
  const said =
    nearest.length > 0
      ? `${NEAREST_TEXT} ${nearest.map((topic) => escapeMrkdwn(topic.title)).join(' / ')}.`
      : FALLBACK_TEXT;
  return { text: `${said} ${contactsLine(cardContext)}`, blocks };
}

/** The same menu without the apology, for `/aws-signin` with no question; with `askerId`, the menu is that person's. */
export function buildTopicMenuCard(topics: readonly Topic[], cardContext: CardContext, askerId?: string): Card {
  return {
    text: MENU_TEXT,
    blocks: [section(`:wave: ${MENU_TEXT}`), topicMenuBlock(topics, { askerId }), context([contactsLine(cardContext)])],
  };
}
