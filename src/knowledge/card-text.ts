// How much text a topic puts on its answer card: its title, summary, steps, reasons, links and cited
// sources, for everyone or for one kind of user, as Slack counts it (escaped: "&" is "&amp;"). A Slack
// message holds about 11,000 characters of text in all (cards/limits.ts); the card's own words around
// the topic's (headings, buttons, who can help, the organisation's contacts) take the rest.
import type { Topic } from './schema';

/** Most text a topic may put on one card: what Slack takes, less what a card says around it. */
export const CARD_TEXT_BUDGET = 8000;

/**
 * Room for the mark a card puts after a step or reason of our own ("_(our advice, not from AWS)_", in
 * cards/who-can-help.ts; a test keeps the two in step).
 */
export const OURS_MARK_ALLOWANCE = 32;

/** Characters a link's address grows by on the card: `|`, `"`, `<`, `>` and spaces become `%7C` and the like. */
const ENCODED_IN_ADDRESS = /[<>|\s"]/g;
const LINK_ADDRESS = /\]\((https?:\/\/[^\s]*?)\)/gi;

/** The characters Slack's mrkdwn escapes: `&` grows by 4 (`&amp;`), `<` and `>` by 3. */
const ESCAPED_CHARS = /[&<>]/g;

/** The length of `text` once escaped for Slack's mrkdwn (`&amp;`, `&lt;`, `&gt;`, and addresses percent-encoded). */
function escapedLength(text: string): number {
  let extra = 0;
  // One regular expression rather than a loop over every character: at 2,000 topics the loop cost
  // tens of milliseconds of start-up.
  for (const [char] of text.matchAll(ESCAPED_CHARS)) extra += char === '&' ? 4 : 3;
  if (text.includes('](')) {
    for (const [, address = ''] of text.matchAll(LINK_ADDRESS)) {
      extra += 2 * (address.match(ENCODED_IN_ADDRESS)?.length ?? 0);
    }
  }
  return text.length + extra;
}

/** A step or reason as long as it is on the card: with the mark of our own advice when it is ours. */
const provenanceLength = (item: { text?: string; reason?: string; ours?: boolean }): number =>
  escapedLength(item.text ?? item.reason ?? '') + (item.ours ? OURS_MARK_ALLOWANCE : 0);
const sumOf = (items: ReadonlyArray<{ text?: string; reason?: string; ours?: boolean }>): number =>
  items.reduce((total, item) => total + provenanceLength(item), 0);

const sum = (texts: readonly string[]): number => texts.reduce((total, text) => total + escapedLength(text), 0);

/** The most text the topic puts on one of its cards, and for which kind of user (none: the card for everyone). */
export function topicCardText(topic: Topic): { length: number; kind?: string } {
  const around = sum([
    topic.title,
    topic.summary,
    ...topic.links.flatMap((link) => [link.title, link.url]),
    ...topic.cited.flatMap((citation) => [citation.pageTitle, citation.heading, citation.url]),
  ]);
  const choices = topic.user_kinds ?? [];
  let most: { length: number; kind?: string } = {
    length: around + sumOf(topic.steps) + sumOf(topic.escalation) + sum(choices.map((choice) => choice.label)),
  };
  for (const choice of choices) {
    if (!choice.steps) continue;
    const length =
      around + sumOf(choice.steps) + sumOf(choice.escalation ?? topic.escalation) + escapedLength(choice.label);
    if (length > most.length) most = { length, kind: choice.kind };
  }
  return most;
}
