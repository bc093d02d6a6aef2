// Renders a card as plain terminal text, for the offline `ask` command: the same blocks Slack gets,
// read the way a person would read them in Slack.
import type { types } from '@slack/bolt';
import type { Card } from './types';

/** Slack mrkdwn to plain text: links become `label (url)`, entities are unescaped, marks dropped. */
export function mrkdwnToPlain(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/(^|\s)\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1$2')
    .replace(/\u2060/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function renderBlock(block: types.KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text.toUpperCase(), '='.repeat(Math.min(block.text.text.length, 72))];
    case 'section':
      return block.text ? [mrkdwnToPlain(block.text.text)] : [];
    case 'context':
      return block.elements.map((element) => ('text' in element ? `  ${mrkdwnToPlain(element.text)}` : ''));
    case 'divider':
      return ['-'.repeat(40)];
    case 'actions':
      return [
        block.elements
          .map((element) => {
            if (element.type === 'button') return `[ ${element.text.text} ]`;
            if (element.type === 'static_select') {
              const groups = element.option_groups ?? [];
              const options = groups.flatMap((group) => group.options.map((option) => option.text.text));
              return `Topics: ${options.join(' | ')}`;
            }
            return '';
          })
          .join(' '),
      ];
    default:
      return [];
  }
}

export function renderCardAsText(card: Card): string {
  return card.blocks.flatMap(renderBlock).join('\n');
}
