// Checks a card against Block Kit's limits and the app's safety rules, the way Slack would reject it.
import { LIMITS } from '../../src/cards/limits';
import type { Card } from '../../src/cards/types';

/** Every string inside a value, with the key it sits under. */
function strings(value: unknown, key = ''): Array<{ key: string; text: string }> {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([childKey, child]) => strings(child, childKey));
  }
  return [];
}

/** A Home tab view: 100 blocks, and no message's fallback text or total-text limit. */
export function viewProblems(blocks: Card['blocks']): string[] {
  return blockKitProblems({ text: 'view', blocks }, { maxBlocks: 100, message: false });
}

export function blockKitProblems(
  card: Card,
  { maxBlocks = LIMITS.blocks, message = true }: { maxBlocks?: number; message?: boolean } = {},
): string[] {
  const problems: string[] = [];
  if (!card.text?.trim()) problems.push('no fallback text');
  if (card.text.length > LIMITS.fallbackText) problems.push(`fallback text ${card.text.length} chars`);
  if (card.blocks.length > maxBlocks) problems.push(`${card.blocks.length} blocks`);
  let total = 0;
  for (const block of card.blocks) {
    const texts = strings(block).filter(({ key }) => key === 'text');
    for (const { text } of texts) total += text.length;
    if (block.type === 'header' && block.text.text.length > LIMITS.headerText) problems.push('header too long');
    if (block.type === 'section' && block.text && block.text.text.length > LIMITS.sectionText) {
      problems.push(`section ${block.block_id ?? ''} ${block.text.text.length} chars`);
    }
    if (block.type === 'actions') {
      if (block.elements.length > LIMITS.actionElements) problems.push('too many action elements');
      const ids = block.elements.map((element) => ('action_id' in element ? element.action_id : ''));
      if (new Set(ids).size !== ids.length) problems.push(`duplicate action ids in ${block.block_id}`);
      for (const element of block.elements) {
        if (element.type === 'button' && element.text.text.length > LIMITS.buttonText)
          problems.push('button label too long');
      }
    }
    if (block.type === 'context' && block.elements.length > LIMITS.contextElements) problems.push('context too long');
  }
  if (message && total > LIMITS.totalText) problems.push(`${total} characters of text in all`);
  const blockIds = card.blocks.map((block) => block.block_id).filter(Boolean);
  if (new Set(blockIds).size !== blockIds.length) problems.push('duplicate block ids');
  const everything = JSON.stringify(card);
  if (/<!(channel|here|everyone|subteam)/.test(everything)) problems.push('broadcast mention');
  return problems;
}
