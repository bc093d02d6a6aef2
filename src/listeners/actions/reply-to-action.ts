// How a click answers: a refinement (a clarify choice, a pick from the menu, a kind of user) replaces
// the card that was clicked; anything new (a related topic, "Still stuck?") follows it, in the same
// place: privately for private cards, in the thread for cards in a channel, in the DM for DMs.
// When that place refuses (an expired response_url, a channel the bot has left), the card still
// reaches the person privately.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockElementAction,
  Logger,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { context, withinBlockLimit } from '../../cards/blocks';
import type { Card } from '../../cards/types';
import { deliver, type Person, privateRoutes, viaPost, viaResponseUrl } from '../deliver';

/** What Bolt hands a button or menu listener. */
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export interface ActionReplyArgs {
  body: BlockAction;
  respond: RespondFn;
  client: AllMiddlewareArgs['client'];
  logger: Logger;
}

export const isPrivateCard = (body: BlockAction): boolean => body.container?.is_ephemeral === true;

/** A button's value, or the value picked in a menu. */
export function actionValue(action: BlockElementAction): string | undefined {
  if (action.type === 'button') return action.value;
  if (action.type === 'static_select') return action.selected_option?.value;
  return undefined;
}

/** A note only the person who clicked sees, wherever the card was; privately by other routes if that fails. */
export async function replyPrivately({ body, respond, client, logger }: ActionReplyArgs, card: Card): Promise<void> {
  await deliver(
    logger,
    whereOf(body),
    privateRoutes({ client, person: clicker(body), respond }, card, { replace_original: false }),
  );
}

export const channelOf = (body: BlockAction): string | undefined => body.channel?.id ?? body.container?.channel_id;

export const whereOf = (body: BlockAction): string => `action ${body.actions[0]?.action_id ?? 'unknown'}`;

/** The clicker, where they clicked; private replies go in the card's thread when it has one. */
export function clicker(body: BlockAction): Person {
  const channel = channelOf(body);
  const containerThread: unknown = body.container?.thread_ts;
  const threadTs = body.message?.thread_ts ?? (typeof containerThread === 'string' ? containerThread : undefined);
  return { user: body.user.id, ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) };
}

export async function replaceCard({ body, respond, client, logger }: ActionReplyArgs, card: Card): Promise<void> {
  const replacing = keepSharedBy(body, card);
  await deliver(logger, whereOf(body), [
    viaResponseUrl(respond, { replace_original: true, ...replacing }),
    ...privateRoutes({ client, person: clicker(body) }, card),
  ]);
}

/** The line a card shared in a channel carries (the share action writes it). */
export const sharedByLine = (userId: string): string => `Shared by <@${userId}>`;

/**
 * A shared card replaced by another (its sharer picked "I'm an IAM user" on it) keeps the line saying who
 * shared it: the channel still sees a card someone put there, not one from nowhere. Only the sharer's own
 * click keeps it: anyone else's card is not theirs to sign.
 */
export function keepSharedBy(body: BlockAction, card: Card): Card {
  const blocks = (body.message as { blocks?: unknown } | undefined)?.blocks;
  if (!Array.isArray(blocks)) return card;
  const line = sharedByLine(body.user.id);
  const shared = blocks.some((block: { type?: unknown; elements?: unknown }) => {
    if (block?.type !== 'context' || !Array.isArray(block.elements) || block.elements.length !== 1) return false;
    return (block.elements[0] as { text?: unknown } | undefined)?.text === line;
  });
  return shared ? { ...card, blocks: withinBlockLimit([...card.blocks, context([line])]) } : card;
}

export async function followCard({ body, respond, client, logger }: ActionReplyArgs, card: Card): Promise<void> {
  const person = clicker(body);
  const channel = person.channel;
  const privately = privateRoutes({ client, person, respond }, card, { replace_original: false });
  if (isPrivateCard(body) || !channel) {
    await deliver(logger, whereOf(body), privately);
    return;
  }
  const isDirectMessage = channel.startsWith('D');
  const threadTs: string | undefined = body.message?.thread_ts ?? (isDirectMessage ? undefined : body.message?.ts);
  await deliver(logger, whereOf(body), [viaPost(client, channel, threadTs, card), ...privately]);
}
