// Buttons and the menu that open topic cards: clarify choices, the topic menu, related topics,
// user-kind choices ("I'm the root user", "Not the root user?"), "Still stuck?", "Contact AWS Support" and "Share in channel".
import type { BlockAction } from '@slack/bolt';
import type { Answerer, Asker } from '../../answer/create-answerer';
import { withinBlockLimit, withLeadNote } from '../../cards/blocks';
import { BLOCK, decodeTopicRef, type TopicRef } from '../../cards/ids';
import type { Card } from '../../cards/types';
import { deliver, describeFailure, privateRoutes, viaPost, viaResponseUrl } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import {
  type ActionArgs,
  actionValue,
  channelOf,
  clicker,
  followCard,
  isPrivateCard,
  replaceCard,
  replyPrivately,
  sharedByLine,
} from './reply-to-action';

export const TOPIC_GONE_TEXT = 'That topic is no longer available. Here is the list of topics I know:';
// The line is written and read in reply-to-action (a replaced shared card keeps it); tests import it from here.
export { sharedByLine };
export const SHARED_NOTE = ':white_check_mark: You shared this answer in the channel.';
export const SHARE_FAILED_TEXT =
  'I could not post this in the channel, probably because I am not a member of it (invite me with `/invite`). Here it is again, just for you:';

/** Blocks whose buttons refine the card they sit on, so the answer takes its place. */
const REFINING_BLOCKS = new Set<string>([BLOCK.choices, BLOCK.topicMenu, BLOCK.userKinds]);

/** Who clicked, and on which surface the card was (a private reply comes from the slash command). */
function askerOf(body: BlockAction): Asker {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const surface = isPrivateCard(body) ? 'command' : channelId?.startsWith('D') ? 'dm' : 'mention';
  const threadTs = body.message?.thread_ts;
  return {
    userId: body.user.id,
    surface,
    ...(channelId ? { channelId } : {}),
    ...(typeof threadTs === 'string' && threadTs ? { threadTs } : {}),
  };
}

function shareFailedCard(card: Card): Card {
  return {
    text: `${SHARE_FAILED_TEXT} ${card.text}`,
    blocks: withinBlockLimit([{ type: 'section', text: { type: 'mrkdwn', text: SHARE_FAILED_TEXT } }, ...card.blocks]),
  };
}

export function topicGoneCard(answerer: Answerer): Card {
  const menu = answerer.menuCard();
  return {
    text: TOPIC_GONE_TEXT,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: TOPIC_GONE_TEXT } }, ...menu.blocks.slice(1)],
  };
}

/**
 * The ref a click acts on. A card made for someone else (a clarify card in another person's thread, their
 * answer's related topics) answers them, not the clicker: the clicker's card is their own, with no
 * question of the other person's behind it, so their clicks on it are never refused as someone else's
 * and nothing they do is recorded against the other person's question.
 */
function clickersRef(ref: TopicRef | null, body: BlockAction): { ref: TopicRef | null; theirs: boolean } {
  if (!ref?.askerId || ref.askerId === body.user.id) return { ref, theirs: false };
  return { ref: { topicId: ref.topicId, ...(ref.kind ? { kind: ref.kind } : {}) }, theirs: true };
}

function handleTopicClick(
  answerer: Answerer,
  build: (ref: TopicRef | null, shareable: boolean, body: BlockAction) => Card | null,
) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, logger } = args;
    await ack();
    await withApology(
      logger,
      `action ${action.action_id}`,
      async () => {
        const { ref, theirs } = clickersRef(decodeTopicRef(actionValue(action)), body);
        // Someone else's card stays as it is: the clicker's own card reaches them privately.
        const card = build(ref, theirs || isPrivateCard(body), body) ?? topicGoneCard(answerer);
        if (theirs) await replyPrivately(args, card);
        else if (REFINING_BLOCKS.has(action.block_id)) await replaceCard(args, card);
        else await followCard(args, card);
      },
      (card) => followCard(args, card),
    );
  };
}

export function createOpenTopicAction({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return handleTopicClick(answerer, (ref, shareable, body) =>
    // A topic picked with no question behind it is recorded for this person, so its card can be rated.
    ref ? answerer.topicCard(ref, { shareable, asker: askerOf(body) }) : null,
  );
}

export function createStillStuckAction({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return handleTopicClick(answerer, (ref) => (ref ? answerer.stillStuckCard(ref) : null));
}

export function createContactSupportAction({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return handleTopicClick(answerer, (ref) => (ref ? answerer.supportCard(ref) : null));
}

/** Posts the card publicly in the channel the private answer was shown in, naming who shared it. */
export function createShareAction({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, respond, logger } = args;
    await ack();
    await withApology(
      logger,
      'action share_in_channel',
      async () => {
        const ref = decodeTopicRef(actionValue(action));
        const card = ref ? answerer.topicCard(ref, { shareable: false }) : null;
        if (!card) {
          await followCard(args, topicGoneCard(answerer));
          return;
        }
        const sharedBy = {
          type: 'context' as const,
          elements: [{ type: 'mrkdwn' as const, text: sharedByLine(body.user.id) }],
        };
        const shared: Card = { text: card.text, blocks: withinBlockLimit([...card.blocks, sharedBy]) };
        const channel = channelOf(body);
        // An expired response_url (the private answer is over 30 minutes old) still lets the bot post
        // itself; when it cannot either, the person is told why, privately.
        let toldWhyNot = false;
        const whyNot = privateRoutes({ client: args.client, person: clicker(body) }, shareFailedCard(card)).map(
          (route) => ({ ...route, send: () => route.send().then(() => (toldWhyNot = true)), sendPlain: undefined }),
        );
        const delivered = await deliver(logger, 'action share_in_channel', [
          viaResponseUrl(respond, { response_type: 'in_channel', replace_original: false, ...shared }),
          ...(channel ? [viaPost(args.client, channel, undefined, shared)] : []),
          ...whyNot,
        ]);
        if (!delivered || toldWhyNot) return;
        // The private card loses its Share button and says it was shared: a second click posted a second copy.
        // An expired response_url cannot replace it; the share itself is done and was logged, so quietly.
        await respond({ replace_original: true, response_type: 'ephemeral', ...withLeadNote(card, SHARED_NOTE) }).catch(
          (error: unknown) => logger.debug(`marking the private card as shared: ${describeFailure(error)}`),
        );
      },
      (card) => followCard(args, card),
    );
  };
}
