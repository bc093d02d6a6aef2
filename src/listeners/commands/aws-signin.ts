// `/aws-signin [question | help | stats]`: acks at once, answers privately with a "Share in channel" button.
// `stats` is for the administrators in ADMIN_USER_IDS; anyone else gets a polite no.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpCard } from '../../cards/build-help-card';
import { buildStatsCard, buildStatsRefusalCard } from '../../cards/build-stats-card';
import type { Card } from '../../cards/types';
import { deliver, privateRoutes } from '../deliver';
import { type ListenerDeps, topicTitle } from '../deps';
import { withApology } from '../sorry';

export const COMMAND_NAME = '/aws-signin';
const HELP_WORDS = /^(help|\?|-h|--help|usage)$/i;
const STATS_WORDS = /^stats?$/i;
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
        const text = command.text.trim();
        if (HELP_WORDS.test(text)) {
          await reply(buildHelpCard(command.command || COMMAND_NAME));
          return;
        }
        if (STATS_WORDS.test(text)) {
          await reply(
            adminUserIds.has(command.user_id)
              ? buildStatsCard(await store.stats.usage(), (id) => topicTitle(corpus, id))
              : buildStatsRefusalCard(),
          );
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
