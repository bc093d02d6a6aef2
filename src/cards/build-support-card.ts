// "Contact AWS Support": which way in fits the case, what to have ready, and the rule that AWS Support
// publishes no phone number. Every fact here is from the two AWS troubleshooting pages the corpus is
// written from (../shared/sources/); the topic ids pick which of their routes comes first.
import type { Topic } from '../knowledge/schema';
import { escapeMrkdwn } from '../text/slack-text';
import { context, corpusToMrkdwn, header, section } from './blocks';
import type { Card } from './types';

export const SUPPORT_TITLE = 'Contacting AWS Support';
export const BILLING_AND_ACCOUNT_FORM =
  'Create a case with the *Billing and Account Support request* form: "I\'m an AWS customer and I\'m looking for billing or account support".';
export const CONTACT_US_ROUTE =
  'Go to <https://aws.amazon.com/contact-us/|Contact us>, choose *Still unable to log into your AWS account*, then pick one of the available support options.';
export const NO_PHONE_TEXT =
  'AWS Support does not publish a direct phone number for reaching a support representative.';
export const HAVE_READY_TITLE = '*Have this ready*';
export const HAVE_READY_LINES = [
  "• The email address of the AWS account (the root user's sign-in email).",
  '• The AWS account ID (12 digits), if you know it.',
  '• What you tried and what happened: which sign-in page, which steps, any error message.',
];
export const NO_CREDENTIALS_TEXT =
  ":lock: Don't send passwords or access keys: for security, AWS Support doesn't have access to view, provide, or change your credentials.";

const SIGN_IN_GUIDE =
  '<https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html|AWS Sign-In User Guide: Troubleshooting AWS account sign-in issues>';

/** The first way in, per topic; anything else gets the Billing and Account Support request. */
const FIRST_STEPS: Readonly<Record<string, readonly string[]>> = {
  // IAM User Guide, "I don't have access to the email for my AWS account".
  'no-email-access': [CONTACT_US_ROUTE],
  // AWS Sign-In User Guide, "I need to reactivate my suspended AWS account".
  'suspended-account': [
    'To reinstate a suspended account, follow the AWS guide "How can I reactivate my suspended AWS account?".',
    BILLING_AND_ACCOUNT_FORM,
  ],
  // IAM User Guide, "I need to report fraudulent AWS account activity".
  'report-fraud': [
    'To report suspected fraud or abuse, follow <http://aws.amazon.com/premiumsupport/knowledge-center/report-aws-abuse/|How do I report abuse of AWS resources>.',
    `If you can't sign in: ${BILLING_AND_ACCOUNT_FORM}`,
  ],
};

/** The route for this case, then the other one as a fallback. */
export function supportSteps(topicId: string): string[] {
  const first = FIRST_STEPS[topicId] ?? [BILLING_AND_ACCOUNT_FORM];
  const other = first.includes(CONTACT_US_ROUTE)
    ? `Still stuck? ${BILLING_AND_ACCOUNT_FORM}`
    : `Still unable to sign in after that? ${CONTACT_US_ROUTE}`;
  return [...first, other];
}

export function buildSupportCard(topic: Topic): Card {
  const steps = supportSteps(topic.id).map((step, index) => `${index + 1}. ${step}`);
  return {
    text: `${SUPPORT_TITLE} about "${escapeMrkdwn(topic.title)}". ${NO_PHONE_TEXT}`,
    blocks: [
      header(SUPPORT_TITLE),
      context([`About: ${corpusToMrkdwn(topic.title)}`]),
      section(steps.join('\n')),
      section([HAVE_READY_TITLE, ...HAVE_READY_LINES].join('\n')),
      section(`:telephone_receiver: ${NO_PHONE_TEXT}`),
      context([NO_CREDENTIALS_TEXT, `Source: ${SIGN_IN_GUIDE}`]),
    ],
  };
}
