// "Who can help" lines: the escalation path of a topic, with the organisation's own contact filled in.
import type { EscalationContact, Topic } from '../knowledge/schema';
import { corpusToMrkdwn } from './blocks';
import type { CardContext } from './types';

export const CONTACT_LABEL: Record<EscalationContact, string> = {
  self: 'You',
  administrator: 'Your administrator',
  'aws-support': 'AWS Support',
  'amazon-customer-service': 'Amazon customer service',
};

/** How the card names a contact: the administrator gets the configured contact beside the label. */
export function contactName(contact: EscalationContact, context: CardContext): string {
  const label = CONTACT_LABEL[contact];
  if (contact === 'administrator' && context.adminContact) return `*${label}* (${context.adminContact})`;
  return `*${label}*`;
}

/** Appended to a step or reason that is our own advice, not what the AWS pages say. */
export const OUR_ADVICE_MARK = '_(our advice, not from AWS)_';

export function whoCanHelpLines(escalation: Topic['escalation'], context: CardContext): string[] {
  return escalation.map(
    ({ contact, reason, ours }) =>
      `• ${contactName(contact, context)}: ${corpusToMrkdwn(reason)}${ours ? ` ${OUR_ADVICE_MARK}` : ''}`,
  );
}

/** Mid-sentence, after the first: "You, then your administrator (…), then AWS Support". */
const CONTACT_IN_SENTENCE: Record<EscalationContact, string> = {
  self: 'you',
  administrator: 'your administrator',
  'aws-support': 'AWS Support',
  'amazon-customer-service': 'Amazon customer service',
};

export function whoCanHelpPlain(escalation: Topic['escalation'], context: CardContext): string {
  return escalation
    .map(({ contact }, index) => {
      const name = index === 0 ? CONTACT_LABEL[contact] : CONTACT_IN_SENTENCE[contact];
      return contact === 'administrator' && context.adminContact ? `${name} (${context.adminContact})` : name;
    })
    .join(', then ');
}
