// Answers a message in its conversation: the card in the thread (or DM), and any secret warning
// privately to the person who wrote it.
import type { webApi } from '@slack/bolt';
import type { Answerer } from '../../answer/create-answerer';
import type { Surface } from '../../store/types';

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
  answerer: Answerer,
  message: ConversationMessage,
): Promise<void> {
  const reply = answerer.answer(message.text, {
    asker: { userId: message.user, surface: message.surface, channelId: message.channel },
  });
  const thread = message.threadTs ? { thread_ts: message.threadTs } : {};
  if (reply.secretWarning) {
    await client.chat.postEphemeral({
      channel: message.channel,
      user: message.user,
      ...thread,
      ...reply.secretWarning,
    });
  }
  await client.chat.postMessage({ channel: message.channel, ...thread, ...reply.card });
}
