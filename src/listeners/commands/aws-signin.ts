// `/aws-signin [question | help | stats]`: acks at once, answers privately with a "Share in channel" button.
// `stats` is for the administrators in ADMIN_USER_IDS; anyone else gets a polite no.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Card } from '../../cards/types';
import { deliver, privateRoutes } from '../deliver';
import type { ListenerDeps } from '../deps';
import { cardForRequest, requestOf } from '../requests';
import { withApology } from '../sorry';

export const COMMAND_NAME = '/aws-signin';
const WHERE = 'command /aws-signin';

export function createAwsSigninCommand({
  answerer,
  store,
  corpus,
  adminUserIds,
}: Pick<ListenerDeps, 'answerer' | 'store' | 'corpus' | 'adminUserIds'>) {
  return async ({
    command,
    ack,
    respond,
    client,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const person = { user: command.user_id, channel: command.channel_id };
    const reply = (card: Card) => deliver(logger, WHERE, privateRoutes({ client, person, respond }, card));
    await withApology(
      logger,
      WHERE,
      async () => {
        const request = requestOf(command.text);
        if (request) {
          const deps = { store, corpus, adminUserIds };
          await reply(await cardForRequest(request, command.user_id, deps, command.command || COMMAND_NAME));
          return;
        }
        const answer = answerer.answer(command.text, {
          shareable: true,
          asker: { userId: command.user_id, surface: 'command', channelId: command.channel_id },
        });
        if (answer.secretWarning) await reply(answer.secretWarning);
        await reply(answer.card);
      },
      reply,
    );
  };
}
