// Who may press which button. Administrator actions ("I'm on it", "Resolved") need a member listed in
// ADMIN_USER_IDS. A private answer (a reply only the asker sees, or the app's DM with them) belongs to
// the person who asked: only they may rate it or ask an administrator about it. An answer in a channel
// is public, and anyone who can see it may rate it or escalate it as their own request.
import type { BlockAction } from '@slack/bolt';
import { noteCard } from '../../cards/blocks';
import type { Card } from '../../cards/types';
import type { ListenerDeps } from '../deps';
import { channelOf, isPrivateCard } from './reply-to-action';

export const NOT_AN_ADMINISTRATOR_TEXT =
  'Sorry, only the AWS administrators set up for this app can take or close requests, so nothing changed. If you should be one of them, ask whoever runs this app to add you.';
export const NOT_YOUR_ANSWER_TEXT =
  'This answer was for someone else, so only they can rate it or ask an administrator about it. Ask me yourself (for example with `/aws-signin` and your question) to get your own.';

export const notAnAdministratorCard = (): Card => noteCard(NOT_AN_ADMINISTRATOR_TEXT);
export const notYourAnswerCard = (): Card => noteCard(NOT_YOUR_ANSWER_TEXT);

export const isAdministrator = (adminUserIds: ListenerDeps['adminUserIds'], userId: string): boolean =>
  adminUserIds.has(userId);

const isPrivateAnswer = (body: BlockAction): boolean =>
  isPrivateCard(body) || channelOf(body)?.startsWith('D') === true;

/**
 * `not-yours` when the card is a private answer to a question someone else asked; `unchecked` when the
 * store could not say who asked (the database is down): the caller then does nothing and says it could
 * not save, rather than act for someone it could not check.
 */
export async function mayActOnAnswer(
  store: ListenerDeps['store'],
  body: BlockAction,
  questionId: number | undefined,
): Promise<'allowed' | 'not-yours' | 'unchecked'> {
  if (questionId === undefined || !isPrivateAnswer(body)) return 'allowed';
  try {
    const asked = await store.questions.get(questionId);
    return asked === undefined || asked.userId === body.user.id ? 'allowed' : 'not-yours';
  } catch {
    return 'unchecked';
  }
}
