// A direct message to the bot: answer right there. Edits, deletions, joins and bots' messages
// (including our own) arrive as other subtypes or with a bot_id, and get no answer.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deliver, viaPost } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import { answerInConversation } from './answer-in-conversation';

const WHERE = 'message.im';

export function createDirectMessageListener({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.user) return;
    const { channel, user } = event;
    const threadTs = event.thread_ts;
    await withApology(
      logger,
      WHERE,
      () =>
        answerInConversation(client, logger, WHERE, answerer, {
          channel,
          user,
          text: event.text ?? '',
          threadTs,
          surface: 'dm',
        }),
      (card) => deliver(logger, WHERE, [viaPost(client, channel, threadTs, card)]),
    );
  };
}
