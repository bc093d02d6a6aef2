// `/aws-signin [question | help]`: acks at once, answers privately with a "Share in channel" button.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpCard } from '../../cards/build-help-card';
import type { Card } from '../../cards/types';
import { deliver, privateRoutes } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';

export const COMMAND_NAME = '/aws-signin';
const HELP_WORDS = /^(help|\?|-h|--help|usage)$/i;
const WHERE = 'command /aws-signin';

export function createAwsSigninCommand({ answerer }: ListenerDeps) {
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
        if (HELP_WORDS.test(command.text.trim())) {
          await reply(buildHelpCard(command.command || COMMAND_NAME));
          return;
        }
        const answer = answerer.answer(command.text, { shareable: true });
        if (answer.secretWarning) await reply(answer.secretWarning);
        await reply(answer.card);
      },
      reply,
    );
  };
}
