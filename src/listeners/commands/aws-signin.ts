// `/aws-signin [question | help]`: acks at once, answers privately with a "Share in channel" button.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpCard } from '../../cards/build-help-card';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';

export const COMMAND_NAME = '/aws-signin';
const HELP_WORDS = /^(help|\?|-h|--help|usage)$/i;

export function createAwsSigninCommand({ answerer }: ListenerDeps) {
  return async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await withApology(
      logger,
      'command /aws-signin',
      async () => {
        if (HELP_WORDS.test(command.text.trim())) {
          await respond({ response_type: 'ephemeral', ...buildHelpCard(command.command || COMMAND_NAME) });
          return;
        }
        const reply = answerer.answer(command.text, { shareable: true });
        if (reply.secretWarning) await respond({ response_type: 'ephemeral', ...reply.secretWarning });
        await respond({ response_type: 'ephemeral', ...reply.card });
      },
      (card) => respond({ response_type: 'ephemeral', ...card }),
    );
  };
}
