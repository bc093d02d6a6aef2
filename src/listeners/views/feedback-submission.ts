// The "What was missing?" form, submitted: the note is stored (minus any secret) with the rating, and the
// form turns into a thank-you, which is the private acknowledgement.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildFeedbackThanksView, MISSING_MAX_LENGTH, missingQuestionText } from '../../cards/build-feedback-modal';
import { BLOCK, decodeTopicRef, VIEW } from '../../cards/ids';
import { redactSecrets } from '../../text/secrets';
import type { ListenerDeps } from '../deps';
import { logListenerError } from '../sorry';

export const MISSING_REQUIRED_TEXT = 'Please say what was missing, or press Cancel.';
export const NOTE_TOO_LONG_TEXT = `Please keep your note to ${MISSING_MAX_LENGTH.toLocaleString('en')} characters or fewer.`;
export const NOT_SAVED_TEXT = 'Sorry, I could not save that just now. Please try again in a minute.';
export const SAVE_TOO_SLOW_TEXT =
  'Saving is taking longer than it should, so I cannot say whether your note was saved. Please press Submit again in a minute: a second time replaces the first.';

/**
 * Slack shows its own error ("We had some trouble connecting") when a form is not answered within 3
 * seconds. A database that is slow to answer is told as such, in time, rather than that.
 */
export const SAVE_DEADLINE_MS = 2500;

export function createFeedbackSubmission(
  { store }: Pick<ListenerDeps, 'store'>,
  { saveDeadlineMs = SAVE_DEADLINE_MS }: { saveDeadlineMs?: number } = {},
) {
  return async ({ ack, body, view, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const typed: unknown = view.state.values[BLOCK.feedbackMissing]?.[VIEW.feedbackMissingInput]?.value;
    const raw = typeof typed === 'string' ? typed : '';
    // The form allows MISSING_MAX_LENGTH characters; a longer note did not come from it, and is not stored.
    if (raw.length > MISSING_MAX_LENGTH) {
      await ack({ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: NOTE_TOO_LONG_TEXT } });
      return;
    }
    const { text, found } = redactSecrets(raw.trim());
    if (!text) {
      await ack({ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: MISSING_REQUIRED_TEXT } });
      return;
    }
    const ref = decodeTopicRef(view.private_metadata);
    let saved = false;
    let gone = false;
    try {
      if (ref?.questionId !== undefined) {
        const saving = store.feedback.save({
          questionId: ref.questionId,
          userId: body.user.id,
          topicId: ref.topicId,
          helpful: false,
          missing: text,
        });
        const outcome = await beforeDeadline(saving, saveDeadlineMs);
        if (outcome === 'late') {
          saving.catch((error: unknown) =>
            logListenerError(logger, 'saving feedback (after the form was answered)', error),
          );
          await ack({ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: SAVE_TOO_SLOW_TEXT } });
          return;
        }
        saved = outcome;
        // Not saved, and the database answered: the question is not there (deleted after the retention
        // period, or not written yet by the replica that answered).
        gone = !saved;
      }
    } catch (error) {
      logListenerError(logger, 'saving feedback', error);
    }
    if (gone && ref?.questionId !== undefined) {
      const said = missingQuestionText(store.questions.whyMissing(ref.questionId));
      await ack({ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: said } });
      return;
    }
    // Thanked only for a note that is in the database; the form stays open with the text, to try again.
    if (!saved) {
      await ack({ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: NOT_SAVED_TEXT } });
      return;
    }
    await ack({ response_action: 'update', view: buildFeedbackThanksView(found) });
  };
}

/** What `work` gave, or 'late' when it has not finished within `ms` (it goes on; its outcome is no longer awaited). */
async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
