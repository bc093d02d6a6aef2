// "Contact AWS Support": the way in that fits the case, what AWS Support can't do, and the rule that it
// publishes no phone number. Each of those is from a section of the AWS Sign-In User Guide listed in
// SUPPORT_SOURCES (test/cards checks they are sections knowledge/sources.yml knows). What to have ready is
// our own advice, and the card says so. The topic ids pick which way in comes first.
import type { Topic } from '../knowledge/schema';
import { escapeMrkdwn } from '../text/slack-text';
import { context, corpusToMrkdwn, header, section } from './blocks';
import type { Card } from './types';
import { OUR_ADVICE_MARK } from './who-can-help';

export const SUPPORT_TITLE = 'Contacting AWS Support';
export const ACCOUNT_SUPPORT_FORM_URL = 'https://support.aws.amazon.com/#/contacts/aws-account-support';
export const MFA_SUPPORT_FORM_URL = 'https://support.aws.amazon.com/#/contacts/aws-mfa-support';
export const BILLING_AND_ACCOUNT_FORM = `Create a case with the *Billing and Account Support request* form: <${ACCOUNT_SUPPORT_FORM_URL}|I'm an AWS customer and I'm looking for billing or account support>.`;
export const MFA_SUPPORT_FORM = `Root user who can't recover the MFA device: contact AWS Support through <${MFA_SUPPORT_FORM_URL}|the MFA support form>.`;
export const MFA_IAM_USERS_TEXT =
  "IAM users: AWS Support can't assist IAM users with MFA device issues. Ask your administrator to deactivate the device.";
export const NO_PHONE_TEXT =
  'AWS Support does not publish a direct phone number for reaching a support representative.';
export const SUPPORT_LIMITS_TEXT =
  "As a security best practice, AWS Support can't discuss the details of any AWS account other than the one you're signed in to, and can't change the credentials associated with an account for any reason.";
export const HAVE_READY_TITLE = `*Have this ready* ${OUR_ADVICE_MARK}`;
export const HAVE_READY_LINES = [
  '• The email address of the AWS account.',
  '• What you tried and what happened: which sign-in page, which steps, the exact error message.',
  '• Never a password or access key: keep them out of the case and out of Slack.',
];

const SIGN_IN_GUIDE = 'https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html';

/** The sections of the AWS Sign-In User Guide this card's facts come from, as knowledge/sources.yml names them. */
export const SUPPORT_SOURCES: ReadonlyArray<{ ref: string; heading: string }> = [
  { ref: 'sign-in-guide#troubleshooting-sign-in-issues', heading: 'Troubleshooting AWS account sign-in issues' },
  { ref: 'sign-in-guide#troubleshoot-contact-support', heading: 'I need to contact Support for sign-in issues' },
  { ref: 'sign-in-guide#troubleshoot-MFA-issues', heading: 'My MFA device is lost or stopped working' },
  { ref: 'sign-in-guide#troubleshoot-suspended-aws-account', heading: 'I need to reactivate my suspended AWS account' },
  { ref: 'sign-in-guide#troubleshoot-contact-billing', heading: 'I need to contact AWS Billing for billing issues' },
];

/** The ways in, per topic; anything else gets the Billing and Account Support request. */
const FIRST_STEPS: Readonly<Record<string, readonly string[]>> = {
  // "My MFA device is lost or stopped working": its own form, and never for IAM users.
  'mfa-device-lost': [MFA_SUPPORT_FORM, MFA_IAM_USERS_TEXT],
  // "I need to reactivate my suspended AWS account", then "I need to contact AWS Billing for billing issues".
  'suspended-account': [
    'To reinstate a suspended account, follow <https://aws.amazon.com/premiumsupport/knowledge-center/reactivate-suspended-account/|How can I reactivate my suspended AWS account?>.',
    `Can't sign in and need AWS Billing? ${BILLING_AND_ACCOUNT_FORM}`,
  ],
  // IAM User Guide, "I need to report fraudulent AWS account activity"; then the introduction's form.
  'report-fraud': [
    'To report suspected fraud or abuse, follow <https://aws.amazon.com/premiumsupport/knowledge-center/report-aws-abuse/|How do I report abuse of AWS resources>.',
    `If you can't sign in: ${BILLING_AND_ACCOUNT_FORM}`,
  ],
};

/** The ways in for this case, in order. */
export function supportSteps(topicId: string): string[] {
  // Own keys only: an administrator's topic may be called "constructor".
  return [...((Object.hasOwn(FIRST_STEPS, topicId) ? FIRST_STEPS[topicId] : undefined) ?? [BILLING_AND_ACCOUNT_FORM])];
}

export function buildSupportCard(topic: Topic): Card {
  const steps = supportSteps(topic.id).map((step, index) => `${index + 1}. ${step}`);
  const sources = SUPPORT_SOURCES.map(({ ref, heading }) => `<${SIGN_IN_GUIDE}#${ref.split('#')[1]}|${heading}>`);
  return {
    text: `${SUPPORT_TITLE} about "${escapeMrkdwn(topic.title)}". ${NO_PHONE_TEXT} ${SUPPORT_LIMITS_TEXT}`,
    blocks: [
      header(SUPPORT_TITLE),
      context([`About: ${corpusToMrkdwn(topic.title)}`]),
      section(steps.join('\n')),
      section(`:telephone_receiver: ${NO_PHONE_TEXT}\n:lock: ${SUPPORT_LIMITS_TEXT}`),
      section([HAVE_READY_TITLE, ...HAVE_READY_LINES].join('\n')),
      context([`Source: AWS Sign-In User Guide, ${sources.join(' · ')}`]),
    ],
  };
}
