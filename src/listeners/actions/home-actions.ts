// Topic buttons on the Home tab: the topic's card arrives in the person's DM with the app, where its
// buttons (feedback, "Ask my administrator", related topics) work like anywhere else.
import { decodeTopicRef } from '../../cards/ids';
import type { Card } from '../../cards/types';
import { deliver, postedOnce, viaDirectMessage } from '../deliver';
import type { ListenerDeps } from '../deps';
import { withApology } from '../sorry';
import { type ActionArgs, actionValue } from './reply-to-action';
import { topicGoneCard } from './topic-actions';

export function createHomeTopicAction({ answerer }: Pick<ListenerDeps, 'answerer'>) {
  return async ({ ack, body, action, client, logger }: ActionArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    // Posting to a user id posts in the app's DM with them (chat:write is enough). Through `deliver`, so a
    // short rate limit is waited out; posted once, so a late answer from Slack is not posted three times.
    const sendToDm = async (card: Card) => {
      await deliver(logger, 'action home_topic', [
        postedOnce(client, logger, (once) => viaDirectMessage(once, userId, card)),
      ]);
    };
    await withApology(
      logger,
      'action home_topic',
      async () => {
        const ref = decodeTopicRef(actionValue(action));
        const card =
          (ref && answerer.topicCard({ topicId: ref.topicId }, { asker: { userId, surface: 'home' } })) ??
          topicGoneCard(answerer);
        await sendToDm(card);
      },
      sendToDm,
    );
  };
}
