// @-mention in a channel: answer in the thread of the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import { answerInConversation } from './answer-in-conversation';

export function createAppMentionListener({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // Other bots mentioning us, and edited mentions, get no second answer.
    if (event.bot_id || event.subtype || !event.user) return;
    const threadTs = event.thread_ts ?? event.ts;
    const user = event.user;
    await withApology(
      logger,
      'app_mention',
      () =>
        answerInConversation(client, answerer, {
          channel: event.channel,
          user,
          text: event.text,
          threadTs,
          surface: 'mention',
        }),
      (card) => client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...card }),
    );
  };
}
