// The fallback card: nothing in the corpus fits. Says so plainly, offers the topic menu and contacts.
import type { Topic } from '../knowledge/schema';
import { quoteForSlack } from '../text/slack-text';
import { context, section } from './blocks';
import { topicMenuBlock } from './topic-menu';
import type { Card, CardContext } from './types';

export const FALLBACK_TEXT =
  "Sorry, I don't know this one. I only help with getting back into AWS accounts: sign-in pages, passwords, MFA, account IDs, access portals and who to contact.";
export const MENU_TEXT = 'What are you stuck on? Pick a topic, or ask me in your own words.';
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
): Card {
  const blocks: Card['blocks'] = [];
  if (question) blocks.push(context([`You asked: _${quoteForSlack(question, QUOTE_LIMIT)}_`], { verbatim: true }));
  blocks.push(
    section(`:shrug: ${FALLBACK_TEXT}`),
    section(MENU_TEXT),
    topicMenuBlock(topics, questionId),
    context([contactsLine(cardContext)]),
  );
  return { text: `${FALLBACK_TEXT} ${contactsLine(cardContext)}`, blocks };
}

/** The same menu without the apology: for `/aws-signin` with no question. */
export function buildTopicMenuCard(topics: readonly Topic[], cardContext: CardContext): Card {
  return {
    text: MENU_TEXT,
    blocks: [section(`:wave: ${MENU_TEXT}`), topicMenuBlock(topics), context([contactsLine(cardContext)])],
  };
}
