// "Helpful" / "Not helpful" on answer cards. Both are saved at once; "Not helpful" then opens a form
// asking what was missing (handled in views/). The person gets a short private thank-you rather than an
// edited card: the card may be public (a thread, or shared in a channel) and others may rate it too.

import { noteCard } from '../../cards/blocks';
import {
  buildFeedbackModal,
  HELPFUL_THANKS_TEXT,
  missingQuestionText,
  NOT_HELPFUL_NOTED_TEXT,
} from '../../cards/build-feedback-modal';
import { decodeTopicRef, type TopicRef } from '../../cards/ids';
import { type ListenerDeps, topicTitle } from '../deps';
import { logListenerError, withApology } from '../sorry';
import { type ActionArgs, actionValue, replyPrivately } from './reply-to-action';
import { mayActOnAnswer, notYourAnswerCard } from './who-may-act';

/** Said instead of thanks when a rating was not saved (the database is down, or the question is gone). */
export const RATING_NOT_SAVED_TEXT =
  "Sorry, I couldn't save your rating just now, so it was not counted. Please try again in a minute.";

/**
 * `saved` only when the rating is in the database (a person is thanked for nothing else); `gone` when
 * its question is not there (deleted after the retention period, or not written yet: `notSavedCard`).
 */
async function saveRating(
  store: ListenerDeps['store'],
  ref: TopicRef | null,
  userId: string,
  helpful: boolean,
  logger: ActionArgs['logger'],
): Promise<'saved' | 'gone' | 'failed'> {
  if (!ref || ref.questionId === undefined) return 'failed';
  try {
    const saved = await store.feedback.save({ questionId: ref.questionId, userId, topicId: ref.topicId, helpful });
    if (!saved) logger.warn(`feedback on unknown question ${ref.questionId} was not saved`);
    return saved ? 'saved' : 'gone';
  } catch (error) {
    logListenerError(logger, 'saving feedback', error);
    return 'failed';
  }
}

/** Why a rating was not saved, honestly: a question deleted long ago, one not saved yet, or the database. */
function notSavedCard(store: ListenerDeps['store'], ref: TopicRef | null, outcome: 'gone' | 'failed') {
  if (outcome === 'failed' || ref?.questionId === undefined) return noteCard(RATING_NOT_SAVED_TEXT);
  return noteCard(missingQuestionText(store.questions.whyMissing(ref.questionId)));
}

export function createHelpfulAction({ store }: Pick<ListenerDeps, 'store'>) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, logger } = args;
    await ack();
    await withApology(
      logger,
      'action feedback_helpful',
      async () => {
        const ref = decodeTopicRef(actionValue(action));
        const may = await mayActOnAnswer(store, body, ref?.questionId);
        if (may !== 'allowed') {
          await replyPrivately(args, may === 'not-yours' ? notYourAnswerCard() : noteCard(RATING_NOT_SAVED_TEXT));
          return;
        }
        const saved = await saveRating(store, ref, body.user.id, true, logger);
        await replyPrivately(args, saved === 'saved' ? noteCard(HELPFUL_THANKS_TEXT) : notSavedCard(store, ref, saved));
      },
      (card) => replyPrivately(args, card),
    );
  };
}

export function createNotHelpfulAction({ store, corpus }: Pick<ListenerDeps, 'store' | 'corpus'>) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, client, logger } = args;
    await ack();
    await withApology(
      logger,
      'action feedback_not_helpful',
      async () => {
        const ref = decodeTopicRef(actionValue(action));
        const may = await mayActOnAnswer(store, body, ref?.questionId);
        if (may !== 'allowed') {
          await replyPrivately(args, may === 'not-yours' ? notYourAnswerCard() : noteCard(RATING_NOT_SAVED_TEXT));
          return;
        }
        const saved = await saveRating(store, ref, body.user.id, false, logger);
        if (saved !== 'saved' || !ref) {
          await replyPrivately(args, notSavedCard(store, ref, saved === 'gone' ? 'gone' : 'failed'));
          return;
        }
        try {
          await client.views.open({
            trigger_id: body.trigger_id,
            view: buildFeedbackModal(ref, topicTitle(corpus, ref.topicId)),
          });
        } catch (error) {
          // The trigger lasts 3 seconds; the rating is saved anyway, so say thanks instead of the form.
          logListenerError(logger, 'opening the feedback form', error);
          await replyPrivately(args, noteCard(NOT_HELPFUL_NOTED_TEXT));
        }
      },
      (card) => replyPrivately(args, card),
    );
  };
}
