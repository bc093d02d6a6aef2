// Reads what the app sent: the header of a card, and the buttons on it, so e2e tests click the
// buttons the app really sent rather than ones they made up.
interface AnyBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ type: string; action_id?: string; value?: string; text?: { text: string } }>;
}

const blocksOf = (message: Record<string, unknown>): AnyBlock[] => (message.blocks as AnyBlock[] | undefined) ?? [];

export const headerOf = (message: Record<string, unknown>): string =>
  blocksOf(message).find((block) => block.type === 'header')?.text?.text ?? '';

export interface SentButton {
  actionId: string;
  blockId: string;
  value: string;
  label: string;
}

/** Every button on a card, with the block it sits in. */
export function buttonsOf(message: Record<string, unknown>): SentButton[] {
  return blocksOf(message).flatMap((block) =>
    block.type !== 'actions'
      ? []
      : (block.elements ?? [])
          .filter((element) => element.type === 'button')
          .map((element) => ({
            actionId: element.action_id ?? '',
            blockId: block.block_id ?? '',
            value: element.value ?? '',
            label: element.text?.text ?? '',
          })),
  );
}

export function buttonOf(message: Record<string, unknown>, predicate: (button: SentButton) => boolean): SentButton {
  const found = buttonsOf(message).find(predicate);
  if (!found) throw new Error(`no such button on the card: ${JSON.stringify(buttonsOf(message))}`);
  return found;
}

/** Every text string in a message, with whether Slack will leave it verbatim (no auto-linking). */
export function textsOf(value: unknown, verbatim = false): Array<{ text: string; verbatim: boolean }> {
  if (typeof value === 'string') return [{ text: value, verbatim }];
  if (Array.isArray(value)) return value.flatMap((item) => textsOf(item, verbatim));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const here = verbatim || record.verbatim === true || record.type === 'plain_text';
    return Object.values(record).flatMap((child) => textsOf(child, here));
  }
  return [];
}
