// A direct message to the bot: answer right there, including one with a screenshot (file_share) or a
// thread reply also sent to the conversation (thread_broadcast). Edits, deletions, joins and bots'
// messages (including our own) arrive as other subtypes or with a bot_id, and get no answer.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deliver, viaPost } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import { answerInConversation } from './answer-in-conversation';
import { isAnswerableSubtype } from './answerable-subtype';

const WHERE = 'message.im';

export function createDirectMessageListener(
  deps: Pick<ListenerDeps, 'answerer' | 'store' | 'corpus' | 'adminUserIds'>,
) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || !isAnswerableSubtype(event.subtype)) return;
    // Narrowed by hand: Bolt's message union does not list a user, text or thread on every subtype.
    const message = event as typeof event & { user?: string; bot_id?: string; text?: string; thread_ts?: string };
    if (message.bot_id || !message.user) return;
    const { channel } = event;
    const { user } = message;
    const threadTs = message.thread_ts;
    await withApology(
      logger,
      WHERE,
      () =>
        answerInConversation(client, logger, WHERE, deps, {
          channel,
          user,
          text: message.text ?? '',
          threadTs,
          surface: 'dm',
        }),
      (card) => deliver(logger, WHERE, [viaPost(client, channel, threadTs, card)]),
    );
  };
}
