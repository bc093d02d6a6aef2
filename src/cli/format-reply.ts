// How the offline `ask` command prints a reply: as readable text, as the Slack payload, or as the one
// JSON line the evaluation reads ({"kind","topic","candidates","confidence","user","nearest","twoProblems"}).
import type { Reply } from '../answer/create-answerer';
import { renderCardAsText } from '../cards/render-text';
import type { Card } from '../cards/types';

export type Format = 'text' | 'json' | 'blocks';

export function outcomeLine(reply: Reply): string {
  const outcome = reply.outcome;
  return JSON.stringify({
    kind: outcome?.kind ?? 'fallback',
    topic: outcome?.topic?.id ?? null,
    candidates: outcome?.candidates.map((topic) => topic.id) ?? [],
    confidence: Number((outcome?.confidence ?? 0).toFixed(4)),
    user: outcome?.user ?? null,
    nearest: outcome?.suggestions?.map((topic) => topic.id) ?? [],
    // A question back about two problems the post describes ("This sounds like two things"), not one unclear one.
    twoProblems: outcome?.twoProblems === true,
  });
}

export function formatCard(card: Card, format: Format): string {
  return format === 'blocks' ? JSON.stringify({ text: card.text, blocks: card.blocks }) : renderCardAsText(card);
}

export function formatReply(reply: Reply, format: Format): string {
  if (format === 'json') return outcomeLine(reply);
  const warning = reply.secretWarning ? `${formatCard(reply.secretWarning, format)}\n` : '';
  return warning + formatCard(reply.card, format);
}
