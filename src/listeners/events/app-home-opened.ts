// The Home tab, published each time someone opens it: topics, contacts, how to ask, and for the
// administrators in ADMIN_USER_IDS the usage stats as they are right now.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView } from '../../cards/build-home-view';
import { statsBlocks, statsUnreadableBlocks } from '../../cards/build-stats-card';
import { COMMAND_NAME } from '../commands/aws-signin';
import { type ListenerDeps, topicTitle } from '../deps';
import { logListenerError } from '../sorry';

export function createAppHomeOpenedListener({
  corpus,
  store,
  cardContext,
  adminUserIds,
}: Pick<ListenerDeps, 'corpus' | 'store' | 'cardContext' | 'adminUserIds'>) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    // The Messages tab sends this event too; only the Home tab has a view to publish.
    if (event.tab !== 'home') return;
    try {
      // Without the database the Home tab still shows the topics; an administrator is told the stats
      // could not be read rather than finding them gone.
      const admin = adminUserIds.has(event.user);
      const usage = admin
        ? await store.stats.usage().catch((error: unknown) => {
            logListenerError(logger, 'reading stats for the Home tab', error);
            return undefined;
          })
        : undefined;
      const stats = usage
        ? statsBlocks(usage, (id) => topicTitle(corpus, id))
        : admin
          ? statsUnreadableBlocks()
          : undefined;
      const view = buildHomeView({ topics: corpus.topics, context: cardContext, commandName: COMMAND_NAME, stats });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      // Nowhere to apologise: the person sees the Home tab as it was last published.
      logListenerError(logger, 'app_home_opened', error);
    }
  };
}
