// The post "Ask my administrator" makes in the escalation channel, rebuilt from the stored escalation on
// every change (open -> claimed -> resolved), and the private notes that keep the person who asked informed.
import { type AskerKind, isAskerKind } from '../knowledge/schema';
import type { EscalationRecord } from '../store/types';
import { redactSecrets } from '../text/secrets';
import { escapeMrkdwn, quoteForSlack } from '../text/slack-text';
import { actions, button, context, noteCard, section, slackLink } from './blocks';
import { ANSWER_GONE_TEXT, ANSWER_NOT_FOUND_YET_TEXT } from './build-feedback-modal';
import { ACTION, BLOCK, encodeEscalationRef } from './ids';
import type { Card } from './types';

export const CLAIM_LABEL = "I'm on it";
export const RESOLVE_LABEL = 'Resolved';
export const WAITING_TEXT = ':hourglass_flowing_sand: Waiting for an administrator.';
export const PICKED_NOT_TYPED = '_No question typed: they picked this topic from a list._';
export const ESCALATION_FAILED_TEXT =
  "Sorry, I couldn't reach your administrators just now, so nothing was sent. Please try again in a minute, or contact them directly";
export const ESCALATION_CHANNEL_UNUSABLE_TEXT =
  "Sorry, I can't post in your administrators' channel (I'm not in it, posting there is restricted, or it was archived or deleted), so nothing was sent. Trying again won't help until that is fixed: please contact them directly";
export const ESCALATION_BEING_POSTED_TEXT =
  ':hourglass_flowing_sand: I am posting your request to your administrators right now. My note on your first click will say whether it arrived.';
export const ESCALATION_UNCONFIRMED_TEXT =
  "Slack was too slow to confirm it, so I can't be sure your request reached your administrators in";
const QUOTE_LIMIT = 1500;

/** Slack shows this in each reader's own time zone; the fallback is UTC. */
export function slackDate(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const fallback = new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback} UTC>`;
}

/** Where the card was, as a link an administrator can follow when there is one. */
export function conversationLine(escalation: EscalationRecord): string {
  if (escalation.permalink) return slackLink(escalation.permalink, 'Open the conversation');
  const channel = escalation.originChannelId;
  if (channel?.startsWith('D')) return `A direct message with me: reply to <@${escalation.requesterId}> directly`;
  if (channel) return `A private answer in <#${channel}>: reply to <@${escalation.requesterId}> directly`;
  return `Reply to <@${escalation.requesterId}> directly`;
}

export function statusLine(escalation: EscalationRecord): string {
  if (escalation.state === 'resolved' && escalation.resolvedBy && escalation.resolvedAt !== undefined) {
    return `:white_check_mark: Resolved by <@${escalation.resolvedBy}>, ${slackDate(escalation.resolvedAt)}.`;
  }
  if (escalation.state === 'claimed' && escalation.claimedBy && escalation.claimedAt !== undefined) {
    return `:eyes: <@${escalation.claimedBy}> is on it (since ${slackDate(escalation.claimedAt)}).`;
  }
  return WAITING_TEXT;
}

/** The state in a few words, for fallback text and notes. */
export const statusPlain = (escalation: EscalationRecord): string => {
  if (escalation.state === 'resolved') return `resolved by <@${escalation.resolvedBy}>`;
  if (escalation.state === 'claimed') return `<@${escalation.claimedBy}> is on it`;
  return 'waiting for an administrator';
};

/** Said instead of the question when the person asking for help is not the one who asked it. */
export const someoneElsesQuestionLine = (askedBy: string): string =>
  `_They asked from the answer to <@${askedBy}>'s question, which is not repeated here: it is theirs to share._`;

/** Who they said they are, which decides what an administrator can do (an IAM user's MFA: deactivate it). */
export const SIGNS_IN_AS: Record<AskerKind, string> = {
  root: 'the root user (the account email address)',
  iam: 'an IAM user',
  'identity-center': 'an access portal (IAM Identity Center) user',
  federated: 'a federated user (through the company sign-in)',
};
const kindLine = (userKind: string | undefined): string =>
  userKind && isAskerKind(userKind) ? `\n*Signs in as*\n${SIGNS_IN_AS[userKind]}` : '';

export function buildEscalationPost(escalation: EscalationRecord, topicTitle: string): Card {
  // Only the person who asked is quoted: a question asked privately and then shared, or asked in a
  // channel the administrators may not read, is theirs, not whoever pressed the button under its answer.
  const asked =
    escalation.askedBy !== escalation.requesterId
      ? someoneElsesQuestionLine(escalation.askedBy)
      : escalation.question === null
        ? PICKED_NOT_TYPED
        : // Scanned again: a question stored before the scanner knew a shape may still hold one.
          `>${quoteForSlack(redactSecrets(escalation.question).text, QUOTE_LIMIT).replace(/\n/g, '\n>')}`;
  const value = encodeEscalationRef(escalation);
  // The kind came with the card: on someone else's card it is what they said, not who is asking now.
  const ownKind = escalation.askedBy === escalation.requesterId ? kindLine(escalation.userKind) : '';
  const buttons =
    escalation.state === 'open'
      ? [
          button({ actionId: ACTION.escalationClaim, label: CLAIM_LABEL, value, style: 'primary' }),
          button({ actionId: ACTION.escalationResolve, label: RESOLVE_LABEL, value }),
        ]
      : escalation.state === 'claimed'
        ? [button({ actionId: ACTION.escalationResolve, label: RESOLVE_LABEL, value, style: 'primary' })]
        : [];
  const blocks: Card['blocks'] = [
    section(`:raising_hand: <@${escalation.requesterId}> needs help getting into AWS.`),
    // Verbatim: a URL or #channel in their question stays the text they typed.
    section(`*Their question*\n${asked}`, undefined, { verbatim: true }),
    section(`*Topic they were shown*\n${escapeMrkdwn(topicTitle)}${ownKind}\n*Where*\n${conversationLine(escalation)}`),
    context([`Asked ${slackDate(escalation.createdAt)}`]),
    section(statusLine(escalation)),
  ];
  if (buttons.length > 0) blocks.push(actions(BLOCK.escalationActions, buttons));
  return {
    text: `<@${escalation.requesterId}> needs help with "${escapeMrkdwn(topicTitle)}": ${statusPlain(escalation)}.`,
    blocks,
  };
}

/** After "resolved", the next step that still works: the administrator who resolved it, or a new request. */
export const STILL_STUCK_AFTER_RESOLVED = (escalation: EscalationRecord): string =>
  `Still stuck? Reply to <@${escalation.resolvedBy}>, or ask me your question again: its answer's Ask my administrator starts a new request.`;

/** Private notes to the person who pressed "Ask my administrator". */
export const askerNotes = {
  /** Posted, and an administrator had already taken it (on an earlier copy, or this one as it appeared). */
  requestedAndTaken: (escalationChannel: string, escalation: EscalationRecord): Card =>
    noteCard(
      `:incoming_envelope: I asked your AWS administrators in <#${escalationChannel}>. Now: ${statusPlain(escalation)}.`,
    ),
  /** This click's copy did not get through, but an administrator already has the request. */
  alreadyTaken: (escalation: EscalationRecord): Card =>
    noteCard(`:incoming_envelope: Your administrators already have this request. Now: ${statusPlain(escalation)}.`),
  requested: (escalationChannel: string): Card =>
    noteCard(
      `:incoming_envelope: I asked your AWS administrators in <#${escalationChannel}>. I'll send you a direct message when someone picks it up.`,
    ),
  alreadyRequested: (escalation: EscalationRecord): Card =>
    noteCard(
      `You already asked your administrators about this (${slackDate(escalation.createdAt)}), so I didn't post it again. Now: ${statusPlain(escalation)}.${escalation.state === 'resolved' ? ` ${STILL_STUCK_AFTER_RESOLVED(escalation)}` : ''}`,
    ),
  /** Another click of theirs is posting it right now: its own note will say whether it arrived. */
  beingPosted: (): Card => noteCard(ESCALATION_BEING_POSTED_TEXT),
  claimed: (escalation: EscalationRecord, topicTitle: string): Card =>
    noteCard(
      `:eyes: <@${escalation.claimedBy}> is looking at your request about *${escapeMrkdwn(topicTitle)}*. They will get in touch with you.`,
    ),
  resolved: (escalation: EscalationRecord, topicTitle: string): Card =>
    noteCard(
      `:white_check_mark: <@${escalation.resolvedBy}> marked your request about *${escapeMrkdwn(topicTitle)}* as resolved. Still stuck? Reply to them, or ask me again.`,
    ),
  failed: (adminContact: string | undefined): Card =>
    noteCard(`:warning: ${ESCALATION_FAILED_TEXT}${adminContact ? `: ${adminContact}` : ''}.`),
  /** Slack refuses the escalation channel itself: a setting to fix, not an outage to wait out. */
  channelUnusable: (adminContact: string | undefined): Card =>
    noteCard(`:warning: ${ESCALATION_CHANNEL_UNUSABLE_TEXT}${adminContact ? `: ${adminContact}` : ''}.`),
  /** The question behind the card is not in the database (deleted after the retention period). */
  questionGone: (adminContact: string | undefined): Card =>
    noteCard(
      `${ANSWER_GONE_TEXT} Then press Ask my administrator on the new answer${adminContact ? `, or contact them directly: ${adminContact}` : ''}.`,
    ),
  /** The question is not in the database yet (another replica answered it): nothing was sent. */
  questionNotFoundYet: (): Card => noteCard(`${ANSWER_NOT_FOUND_YET_TEXT} Nothing was sent to your administrators.`),
  /** Slack took the post but its answer never came: it may well be there. */
  unconfirmed: (escalationChannel: string, adminContact: string | undefined): Card =>
    noteCard(
      `:hourglass_flowing_sand: ${ESCALATION_UNCONFIRMED_TEXT} <#${escalationChannel}>. If nobody gets back to you soon, contact them directly${adminContact ? `: ${adminContact}` : ''}.`,
    ),
};
