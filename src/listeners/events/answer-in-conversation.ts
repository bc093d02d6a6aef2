// Answers a message in its conversation: the card in the thread (or DM), and any secret warning
// privately to the person who wrote it. When the bot cannot post there, the card goes privately.
import type { Logger, webApi } from '@slack/bolt';
import { withLeadNote } from '../../cards/blocks';
import type { Surface } from '../../store/types';
import { COMMAND_NAME } from '../commands/aws-signin';
import { deliver, postedOnce, privateRoutes, viaDirectMessage, viaEphemeral, viaPost } from '../deliver';
import type { ListenerDeps } from '../deps';
import { cardForRequest, requestOf } from '../requests';

export interface ConversationMessage {
  channel: string;
  user: string;
  text: string;
  /** Reply in this thread; undefined posts straight into the conversation (a DM). */
  threadTs?: string;
  surface: Surface;
}

export async function answerInConversation(
  client: webApi.WebClient,
  logger: Logger,
  where: string,
  deps: Pick<ListenerDeps, 'answerer' | 'store' | 'corpus' | 'adminUserIds'>,
  message: ConversationMessage,
): Promise<void> {
  const person = { user: message.user, channel: message.channel, threadTs: message.threadTs };
  const request = requestOf(message.text);
  if (request) {
    const card = await cardForRequest(request, message.user, deps, COMMAND_NAME);
    // Posted once, as an answer is. Usage stats are for the administrator who asked, not for a channel.
    const post = postedOnce(client, logger, (once) => viaPost(once, message.channel, message.threadTs, card));
    const routes =
      request === 'stats' && message.surface !== 'dm'
        ? privateRoutes({ client, person }, card)
        : [post, ...privateRoutes({ client, person }, card)];
    await deliver(logger, where, routes);
    return;
  }
  const reply = deps.answerer.answer(message.text, {
    asker: {
      userId: message.user,
      surface: message.surface,
      channelId: message.channel,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    },
  });
  if (reply.secretWarning) await deliver(logger, where, privateRoutes({ client, person }, reply.secretWarning));
  // Posted once: a retry after a late answer posted the card again in the thread (slack/post-once.ts).
  await deliver(logger, where, [
    postedOnce(client, logger, (once) => viaPost(once, message.channel, message.threadTs, reply.card)),
    viaEphemeral(client, person, reply.card),
    // Last, in the app's DM: an answer to a mention arriving there out of the blue says why.
    viaDirectMessage(
      client,
      message.user,
      message.surface === 'dm' ? reply.card : withLeadNote(reply.card, notPostedThereText(message.channel)),
    ),
  ]);
}

/** Why an answer to a mention came by DM: the channel it was asked in would not take it. */
export const notPostedThereText = (channel: string): string =>
  `You mentioned me in <#${channel}>, where I couldn't post (is the app invited there, and allowed to post?), so here is my answer privately.`;
