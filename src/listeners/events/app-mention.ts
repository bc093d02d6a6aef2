// @-mention in a channel: answer in the thread of the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deliver, privateRoutes } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import { answerInConversation } from './answer-in-conversation';
import { isAnswerableSubtype } from './answerable-subtype';

const WHERE = 'app_mention';

export function createAppMentionListener(deps: Pick<ListenerDeps, 'answerer' | 'store' | 'corpus' | 'adminUserIds'>) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // Other bots mentioning us get no answer; an edited mention is dropped before this listener as a
    // repeat of the message already answered (slack/redelivered-events.ts).
    if (event.bot_id || !isAnswerableSubtype(event.subtype) || !event.user) return;
    // `||`: an empty thread_ts (which the shape check refuses anyway) must not post at the channel's top level.
    const person = { user: event.user, channel: event.channel, threadTs: event.thread_ts || event.ts };
    await withApology(
      logger,
      WHERE,
      () =>
        answerInConversation(client, logger, WHERE, deps, {
          ...person,
          text: event.text ?? '',
          surface: 'mention',
        }),
      (card) => deliver(logger, WHERE, privateRoutes({ client, person }, card)),
    );
  };
}
