// How a click answers: a refinement (a clarify choice, a pick from the menu, a kind of user) replaces
// the card that was clicked; anything new (a related topic, "Still stuck?") follows it, in the same
// place: privately for private cards, in the thread for cards in a channel, in the DM for DMs.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockElementAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Card } from '../../cards/types';

/** What Bolt hands a button or menu listener. */
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export interface ActionReplyArgs {
  body: BlockAction;
  respond: RespondFn;
  client: AllMiddlewareArgs['client'];
}

export const isPrivateCard = (body: BlockAction): boolean => body.container?.is_ephemeral === true;

/** A button's value, or the value picked in a menu. */
export function actionValue(action: BlockElementAction): string | undefined {
  if (action.type === 'button') return action.value;
  if (action.type === 'static_select') return action.selected_option?.value;
  return undefined;
}

/** A note only the person who clicked sees, wherever the card was. */
export async function replyPrivately({ respond }: Pick<ActionReplyArgs, 'respond'>, card: Card): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, ...card });
}

export async function replaceCard({ respond }: ActionReplyArgs, card: Card): Promise<void> {
  await respond({ replace_original: true, ...card });
}

export async function followCard({ body, respond, client }: ActionReplyArgs, card: Card): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (isPrivateCard(body) || !channel) {
    await replyPrivately({ respond }, card);
    return;
  }
  const isDirectMessage = channel.startsWith('D');
  const threadTs: string | undefined = body.message?.thread_ts ?? (isDirectMessage ? undefined : body.message?.ts);
  await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...card });
}
