// Small builders for the Block Kit pieces the cards share. Each one enforces its own Block Kit limit,
// so no card can produce a block Slack would reject.
import type { types } from '@slack/bolt';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../text/slack-text';
import { LIMITS } from './limits';
import type { Block, Card } from './types';

/**
 * A link Slack renders as `label`. Slack reads a link up to its first `>`, and the address up to its first
 * `|`: those two (and `<`, spaces) are percent-encoded in the address so nothing after them can become
 * live markup (a `<!channel>`), and the label is escaped like any text, its `|` shown as `¦`.
 */
export function slackLink(url: string, label: string): string {
  const address = url.replace(/[<>|\s"]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${address}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** Corpus text to Slack mrkdwn: `[label](https://…)` becomes a link, everything else is escaped. */
export function corpusToMrkdwn(text: string): string {
  // An address may hold balanced parentheses (`…/Wiki_(disambiguation)`): the link ends at the `)` that closes it.
  const link = /\[([^\]]+)\]\((https?:\/\/(?:[^()\s]|\([^()\s]*\))+)\)/gi;
  let out = '';
  let last = 0;
  for (const found of text.matchAll(link)) {
    const [whole, label = '', url = ''] = found;
    out += escapeMrkdwn(text.slice(last, found.index));
    out += slackLink(url, label);
    last = (found.index ?? 0) + whole.length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

export const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});

/** `verbatim`: for text that quotes people (see `context`): URLs, #channels and @names they typed stay text. */
export const section = (
  mrkdwn: string,
  blockId?: string,
  options: { verbatim?: boolean } = {},
): types.SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: {
    type: 'mrkdwn',
    text: truncateMrkdwn(mrkdwn, LIMITS.sectionText),
    ...(options.verbatim ? { verbatim: true } : {}),
  },
});

/**
 * Lines packed into as few sections as Block Kit allows (3,000 characters each), under one title.
 * The first section gets `blockId`, the next ones `blockId_2`, `blockId_3`...
 */
export function sections(title: string, lines: readonly string[], blockId: string): types.SectionBlock[] {
  const chunks: string[] = [];
  let current = title;
  for (const line of lines) {
    const piece = truncateMrkdwn(line, LIMITS.sectionText - title.length - 1);
    if (`${current}\n${piece}`.length > LIMITS.sectionText) {
      chunks.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  chunks.push(current);
  return chunks.map((text, index) => section(text, index === 0 ? blockId : `${blockId}_${index + 1}`));
}

/**
 * `verbatim` stops Slack from turning URLs, #channels and @names in the text into links and mentions:
 * for anything that quotes what a person typed.
 */
export const context = (mrkdwnTexts: readonly string[], options: { verbatim?: boolean } = {}): types.ContextBlock => ({
  type: 'context',
  elements: mrkdwnTexts.slice(0, LIMITS.contextElements).map((text) => ({
    type: 'mrkdwn' as const,
    text: truncateMrkdwn(text, LIMITS.sectionText),
    ...(options.verbatim ? { verbatim: true } : {}),
  })),
});

export const divider = (): types.DividerBlock => ({ type: 'divider' });

/** A one-paragraph card: short notes and acknowledgements. */
export const noteCard = (mrkdwn: string): Card => ({ text: mrkdwn, blocks: [section(mrkdwn)] });

/** `card` with a line above it saying why it came where it did; the card's own blocks stay within the limit. */
export function withLeadNote(card: Card, mrkdwn: string): Card {
  const blocks = card.blocks.length < LIMITS.blocks ? [context([mrkdwn]), ...card.blocks] : card.blocks;
  return { text: truncate(`${mrkdwn} ${card.text}`, LIMITS.fallbackText), blocks };
}

export interface ButtonSpec {
  actionId: string;
  label: string;
  value?: string;
  style?: 'primary' | 'danger';
  url?: string;
}

export const button = ({ actionId, label, value, style, url }: ButtonSpec): types.Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
  ...(value !== undefined ? { value: value.slice(0, LIMITS.buttonValue) } : {}),
  ...(style ? { style } : {}),
  ...(url ? { url } : {}),
});

export const actions = (blockId: string, elements: types.ActionsBlockElement[]): types.ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionElements),
});

/** Keeps a card inside the block limit, cutting from the end but keeping the last (actions) block. */
export function withinBlockLimit(blocks: Block[]): Block[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const last = blocks.at(-1) as Block;
  return [...blocks.slice(0, LIMITS.blocks - 1), last];
}
