// The "Not helpful" form (what was missing?), the thank-you it turns into, and the short private
// thanks for "Helpful".
import type { types } from '@slack/bolt';
import type { SecretKind } from '../text/secrets';
import { escapeMrkdwn, truncate } from '../text/slack-text';
import { context, section } from './blocks';
import { BLOCK, encodeTopicRef, type TopicRef, VIEW } from './ids';

export const FEEDBACK_MODAL_TITLE = 'What was missing?';
export const MISSING_LABEL = "What were you looking for that this answer didn't have?";
export const MISSING_MAX_LENGTH = 1000;
export const FEEDBACK_THANKS_TEXT =
  'Thanks! Your note goes to the people who keep my answers up to date, with the answer it is about.';
export const NOT_HELPFUL_NOTED_TEXT = "Thanks for telling me. I've noted that this answer did not help.";
export const HELPFUL_THANKS_TEXT = 'Thanks for letting me know! :+1:';
/**
 * An answer whose question is not in the database (deleted after the retention period, or never saved):
 * nothing can be attached to it, and no retry will change that.
 */
export const ANSWER_GONE_TEXT =
  "I no longer have the question behind this answer (I keep questions only for a while), so I can't attach anything to it. Please ask me again for a fresh answer.";
/** The question is not in the database, yet too recent for the retention period to have deleted it. */
export const ANSWER_NOT_FOUND_YET_TEXT =
  "I can't find the question behind this answer just now: it may not be saved yet. Please try again in a minute; if this keeps happening, ask me again for a fresh answer.";
/** What a person is told when the question behind a card is not in the database (`QuestionLog.whyMissing`). */
export const missingQuestionText = (why: 'lost' | 'deleted' | 'unsaved'): string =>
  why === 'unsaved' ? ANSWER_NOT_FOUND_YET_TEXT : ANSWER_GONE_TEXT;
export const SECRET_IN_NOTE_TEXT =
  ':warning: Your note looked like it contained a password or an access key. I stored it without that part; please change that password or rotate that key.';

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });

export function buildFeedbackModal(ref: TopicRef, topicTitle: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.feedback,
    // The question and card the note is about; Slack hands it back with the submission.
    private_metadata: encodeTopicRef(ref),
    title: plain(FEEDBACK_MODAL_TITLE, 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    blocks: [
      context([`About: ${escapeMrkdwn(topicTitle)}`]),
      {
        type: 'input',
        block_id: BLOCK.feedbackMissing,
        label: plain(MISSING_LABEL, 2000),
        hint: plain("Please don't include passwords or access keys.", 2000),
        element: {
          type: 'plain_text_input',
          action_id: VIEW.feedbackMissingInput,
          multiline: true,
          max_length: MISSING_MAX_LENGTH,
        },
      },
    ],
  };
}

export function buildFeedbackThanksView(secrets: readonly SecretKind[]): types.ModalView {
  return {
    type: 'modal',
    title: plain('Thank you', 24),
    close: plain('Close', 24),
    blocks: [section(FEEDBACK_THANKS_TEXT), ...(secrets.length > 0 ? [section(SECRET_IN_NOTE_TEXT)] : [])],
  };
}
