// `/aws-signin [question | help | stats]`: acks at once, answers privately with a "Share in channel" button.
// `stats` is for the administrators in ADMIN_USER_IDS; anyone else gets a polite no.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpCard } from '../../cards/build-help-card';
import { buildStatsCard, buildStatsRefusalCard } from '../../cards/build-stats-card';
import { type ListenerDeps, topicTitle } from '../deps';
import { withApology } from '../sorry';

export const COMMAND_NAME = '/aws-signin';
const HELP_WORDS = /^(help|\?|-h|--help|usage)$/i;
const STATS_WORDS = /^stats?$/i;

export function createAwsSigninCommand({
  answerer,
  store,
  corpus,
  adminUserIds,
}: Pick<ListenerDeps, 'answerer' | 'store' | 'corpus' | 'adminUserIds'>) {
  return async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await withApology(
      logger,
      'command /aws-signin',
      async () => {
        const text = command.text.trim();
        if (HELP_WORDS.test(text)) {
          await respond({ response_type: 'ephemeral', ...buildHelpCard(command.command || COMMAND_NAME) });
          return;
        }
        if (STATS_WORDS.test(text)) {
          const card = adminUserIds.has(command.user_id)
            ? buildStatsCard(store.stats.usage(), (id) => topicTitle(corpus, id))
            : buildStatsRefusalCard();
          await respond({ response_type: 'ephemeral', ...card });
          return;
        }
        const reply = answerer.answer(command.text, {
          shareable: true,
          asker: { userId: command.user_id, surface: 'command', channelId: command.channel_id },
        });
        if (reply.secretWarning) await respond({ response_type: 'ephemeral', ...reply.secretWarning });
        await respond({ response_type: 'ephemeral', ...reply.card });
      },
      (card) => respond({ response_type: 'ephemeral', ...card }),
    );
  };
}
