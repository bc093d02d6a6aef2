// How much text a topic puts on its answer card: its title, summary, steps, reasons, links and cited
// sources, for everyone or for one kind of user, as Slack counts it (escaped: "&" is "&amp;"). A Slack
// message holds about 11,000 characters of text in all (cards/limits.ts); the card's own words around
// the topic's (headings, buttons, who can help, the organisation's contacts) take the rest.
import type { Topic } from './schema';

/** Most text a topic may put on one card: what Slack takes, less what a card says around it. */
export const CARD_TEXT_BUDGET = 8000;

/** The length of `text` once escaped for Slack's mrkdwn (`&amp;`, `&lt;`, `&gt;`). */
function escapedLength(text: string): number {
  let extra = 0;
  for (const char of text) {
    if (char === '&') extra += 4;
    else if (char === '<' || char === '>') extra += 3;
  }
  return text.length + extra;
}

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
    length:
      around +
      sum(topic.steps.map((step) => step.text)) +
      sum(topic.escalation.map((reason) => reason.reason)) +
      sum(choices.map((choice) => choice.label)),
  };
  for (const choice of choices) {
    if (!choice.steps) continue;
    const length =
      around +
      sum(choice.steps.map((step) => step.text)) +
      sum((choice.escalation ?? topic.escalation).map((reason) => reason.reason)) +
      escapedLength(choice.label);
    if (length > most.length) most = { length, kind: choice.kind };
  }
  return most;
}
