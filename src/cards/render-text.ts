// Renders a card as plain terminal text, for the offline `ask` command: the same blocks Slack gets,
// read the way a person would read them in Slack. Each block is its own paragraph (Slack spaces them
// apart), emoji are drawn rather than spelled `:wave:`, every button sits on its own line under what the
// row is for, and a menu lists its options under their group names.
import type { types } from '@slack/bolt';
import { BLOCK } from './ids';
import type { Card } from './types';

/** The emoji shortcodes the cards use, as the characters Slack draws. Unknown codes are left as typed. */
const EMOJI: Readonly<Record<string, string>> = {
  eyes: '👀',
  hourglass_flowing_sand: '⏳',
  incoming_envelope: '📨',
  link: '🔗',
  lock: '🔒',
  raising_hand: '🙋',
  shrug: '🤷',
  telephone_receiver: '📞',
  thinking_face: '🤔',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
};

/** What each row of buttons is for, said once above it (Slack shows this by the buttons' place on the card). */
export const BUTTON_ROW_LABELS: Readonly<Record<string, string>> = {
  [BLOCK.escalate]: 'Get help:',
  [BLOCK.userKinds]: 'Show the steps for:',
  [BLOCK.followUps]: 'See also:',
  [BLOCK.choices]: 'Did you mean:',
  [BLOCK.feedback]: 'Rate this answer:',
  [BLOCK.escalationActions]: 'Actions:',
};

/** Slack mrkdwn to plain text: links become `label (url)`, entities are unescaped, marks dropped. */
export function mrkdwnToPlain(text: string): string {
  return (
    text
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
      .replace(/<@([A-Z0-9]+)>/g, '@$1')
      // As Slack reads them: a mark closes only before a non-word character, so "my_user_name" inside an
      // italic quote keeps its underscores.
      .replace(/(^|\s)\*([^\n]+?)\*(?=$|[^\p{L}\p{N}_])/gu, '$1$2')
      .replace(/(^|\s)_([^\n]+?)_(?=$|[^\p{L}\p{N}_])/gu, '$1$2')
      .replace(/:([a-z0-9_+-]+):/g, (code, name: string) => EMOJI[name] ?? code)
      .replace(/\u2060/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}

type ActionsElement = types.ActionsBlock['elements'][number];

function renderElement(element: ActionsElement): string[] {
  if (element.type === 'button') {
    return [`  [ ${element.text.text} ]${element.url ? ` (${element.url})` : ''}`];
  }
  if (element.type === 'static_select') {
    const groups = element.option_groups ?? [];
    const placeholder = element.placeholder?.text ?? 'Pick one';
    return [
      `${placeholder} (a menu):`,
      ...groups.flatMap((group) => [
        `  ${group.label.text}`,
        ...group.options.map((option) => `    • ${option.text.text}`),
      ]),
      ...(element.options ?? []).map((option) => `  • ${option.text.text}`),
    ];
  }
  return [];
}

function renderBlock(block: types.KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text.toUpperCase(), '='.repeat(Math.min(block.text.text.length, 72))];
    case 'section':
      return block.text ? [mrkdwnToPlain(block.text.text)] : [];
    case 'context':
      return block.elements.flatMap((element) => ('text' in element ? [mrkdwnToPlain(element.text)] : []));
    case 'divider':
      return ['-'.repeat(40)];
    case 'actions': {
      const label = block.block_id ? BUTTON_ROW_LABELS[block.block_id] : undefined;
      return [...(label ? [label] : []), ...block.elements.flatMap(renderElement)];
    }
    default:
      return [];
  }
}

export function renderCardAsText(card: Card): string {
  const paragraphs = card.blocks.map(renderBlock).filter((lines) => lines.length > 0);
  // A header's underline belongs to it; every other block is a paragraph of its own.
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}
