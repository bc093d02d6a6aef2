// Issue 12: what the rendered cards say is what the AWS pages say. One test per problem the fact-by-fact
// review found (numbered as in the issue), plus the provenance the cards now show and the three topics the
// current pages added. Cards are built by the real answer path from the shipped corpus.
import { CONTACT_AWS_SUPPORT_LABEL, SEE_ALSO_LABEL, SOURCES_LABEL } from '../../src/cards/build-answer-card';
import { ACCOUNT_SUPPORT_FORM_URL } from '../../src/cards/build-support-card';
import { renderCardAsText } from '../../src/cards/render-text';
import { TOPIC_GROUPS } from '../../src/cards/topic-menu';
import type { Card } from '../../src/cards/types';
import { OUR_ADVICE_MARK } from '../../src/cards/who-can-help';
import { realAnswerPath } from '../helpers/corpus';

const { corpus, answerer, matcher } = realAnswerPath();

/** A topic's card as a person reads it, for one kind of user or before they pick one. */
function cardText(topicId: string, kind?: string): string {
  const card = answerer.topicCard({ topicId, kind: kind as never, questionId: 1 }) as Card;
  expect(card).not.toBeNull();
  return renderCardAsText(card);
}

/** Every variant of a topic's card: the general one and one per kind of user with its own steps. */
function allVariants(topicId: string): string[] {
  const topic = corpus.byId.get(topicId);
  const kinds = (topic?.user_kinds ?? []).filter((choice) => choice.steps).map((choice) => choice.kind);
  return [cardText(topicId), ...kinds.map((kind) => cardText(topicId, kind))];
}

const FORM_NAME = "I'm an AWS customer and I'm looking for billing or account support";

describe('issue 12: each problem the review found is gone from the rendered cards', () => {
  it('1. email-already-in-use no longer says AWS Support can get the old account back', () => {
    for (const text of allVariants('email-already-in-use')) {
      expect(text).not.toMatch(/AWS Support can help/i);
      expect(text).not.toMatch(/old account (itself|back)/i);
      expect(text).not.toContain(CONTACT_AWS_SUPPORT_LABEL);
      expect(text).toMatch(/more than 90 days, you can't reopen it/);
    }
  });

  it("2. mfa-device-lost's IAM-user path never shows Contact AWS Support, and only the root path offers it", () => {
    const iam = cardText('mfa-device-lost', 'iam');
    expect(iam).not.toContain(CONTACT_AWS_SUPPORT_LABEL);
    expect(iam).toContain("AWS Support can't assist IAM users with MFA device issues");
    // Before the person says which user they are, the card offers no AWS Support button either.
    expect(cardText('mfa-device-lost')).not.toContain(`[ ${CONTACT_AWS_SUPPORT_LABEL} ]`);
    expect(cardText('mfa-device-lost', 'root')).toContain(CONTACT_AWS_SUPPORT_LABEL);
  });

  it('3. close-account cites the page it now points to for who closes an account', () => {
    // Issue 12 removed "the root user closes it": the IAM page it cited did not say so. The current
    // "Close an AWS account" page does (knowledge/sources.yml, account-closing), so the card says it again,
    // citing that page.
    const text = cardText('close-account');
    expect(text).toContain('Close an AWS account');
    expect(text).toMatch(/Sources:.*Close an AWS account/);
  });

  it('5. suspended-account points to the reactivation article and no longer says who "handles" suspended accounts', () => {
    const text = cardText('suspended-account');
    expect(text).not.toMatch(/handle suspended accounts/i);
    expect(text).toContain('https://aws.amazon.com/premiumsupport/knowledge-center/reactivate-suspended-account/');
  });

  it('6. no-email-access and contact-aws-support follow the Sign-In User Guide: the form, not "Contact us"', () => {
    for (const id of ['no-email-access', 'contact-aws-support']) {
      const text = cardText(id);
      expect(text).not.toContain('Still unable to log into');
      expect(text).not.toContain('aws.amazon.com/contact-us');
      expect(text).toContain(ACCOUNT_SUPPORT_FORM_URL);
    }
  });

  it('7. every card that names the support form links it, and the key articles are linked', () => {
    for (const topic of corpus.topics) {
      for (const text of allVariants(topic.id)) {
        if (text.includes(FORM_NAME)) expect(text).toContain(ACCOUNT_SUPPORT_FORM_URL);
      }
    }
    const linked: Array<[string, string]> = [
      ['mfa-device-lost', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_lost-or-broken.html'],
      ['mfa-device-lost', 'https://aws.amazon.com/premiumsupport/knowledge-center/reset-mfa-device/'],
      ['suspended-account', 'https://aws.amazon.com/premiumsupport/knowledge-center/reactivate-suspended-account/'],
      ['root-password-reset', 'orgs_manage_accounts_access.html#orgs_manage_accounts_access-as-root'],
      ['find-account-id', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/console_account-alias.html'],
    ];
    for (const [id, url] of linked) expect(cardText(id)).toContain(url);
  });

  it('8. federated-password sends only IAM Identity Center users to an access portal', () => {
    const text = cardText('federated-password');
    expect(text).toMatch(/If your organization uses IAM Identity Center, you sign in at its AWS access portal/);
    expect(text).not.toMatch(/^\d+\. .*Use your organization's AWS access portal/m);
  });

  it('8. iam-password-reset keeps the condition and puts the administrator before changing it yourself', () => {
    const text = cardText('iam-password-reset');
    const administrator = text.indexOf(
      "If you don't have permission to reset your own password, only your IAM administrator",
    );
    const yourself = text.indexOf('you can change your password yourself');
    expect(administrator).toBeGreaterThan(-1);
    expect(yourself).toBeGreaterThan(administrator);
    expect(text).not.toMatch(/Only your IAM administrator can reset an IAM user's password/);
  });

  it('8. no card links to a plain http:// page', () => {
    for (const topic of corpus.topics) for (const text of allVariants(topic.id)) expect(text).not.toMatch(/http:\/\//);
  });
});

describe('issue 12: escalation wording follows the sources', () => {
  it('AWS Support cannot reset an IAM user password, recover an account ID, or discuss another account', () => {
    expect(cardText('iam-password-reset')).toContain(
      "AWS Support doesn't have access to view, provide, or change your credentials",
    );
    expect(cardText('find-account-id')).toContain("AWS Support can't help you recover this information");
    expect(cardText('contact-aws-support')).toContain(
      "AWS Support can't discuss the details of any AWS account other than the one you're signed in to",
    );
    expect(cardText('contact-aws-support')).toContain(
      "can't change the credentials associated with an account for any reason",
    );
  });
});

describe('issue 12: provenance on the card', () => {
  it('lists the cited sections of the AWS pages under Sources, linked to the section', () => {
    const text = cardText('mfa-device-lost');
    expect(text).toMatch(
      new RegExp(`${SOURCES_LABEL} .*AWS Sign-In User Guide: My MFA device is lost or stopped working`),
    );
    expect(text).toContain('troubleshooting-sign-in-issues.html#troubleshoot-MFA-issues');
    expect(cardText('close-account')).toContain(SEE_ALSO_LABEL);
  });

  it('marks our own advice as ours, never as what AWS says', () => {
    const topic = corpus.byId.get('contact-aws-support');
    const ours = topic?.steps.filter((step) => step.ours) ?? [];
    expect(ours.length).toBeGreaterThan(0);
    const text = cardText('contact-aws-support');
    const markedLines = text.split('\n').filter((line) => line.includes('(our advice, not from AWS)'));
    expect(markedLines).toHaveLength(ours.length);
    expect(OUR_ADVICE_MARK).toContain('our advice');
    // Sourced steps carry no mark.
    const sourced = topic?.steps.filter((step) => !step.ours).length ?? 0;
    expect(text.split('\n').filter((line) => /^\d+\. /.test(line)).length).toBe(sourced + ours.length);
  });
});

describe('issue 12: the three topics the current pages added', () => {
  const NEW_TOPICS: Array<[string, string, string]> = [
    [
      'root-password-reset-required',
      'aws says "password reset is required" when I sign in as the owner',
      'Password reset is required',
    ],
    [
      'root-password-recovery-disabled',
      'it says password recovery is disabled for the root user',
      'Only the management account',
    ],
    ['identity-center-console-error', "identity center shows it's not you, it's us", 'NameID format'],
  ];

  it.each(NEW_TOPICS)('%s is found, and its card says what the page says', (id, question, fact) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe(id);
    expect(cardText(id)).toContain(fact);
  });

  it('each has its place in the topic menu', () => {
    const placed = TOPIC_GROUPS.flatMap((group) => group.ids);
    for (const [id] of NEW_TOPICS) expect(placed).toContain(id);
    for (const topic of corpus.topics) expect(placed).toContain(topic.id);
  });

  it('recovery disabled sends the person to their administrator, not to AWS Support', () => {
    const text = cardText('root-password-recovery-disabled');
    expect(text).not.toContain(`[ ${CONTACT_AWS_SUPPORT_LABEL} ]`);
    expect(text).toContain('Your administrator');
  });
});

// What the current AWS pages say beyond the Sign-In page (knowledge/sources.yml: iam-mfa-recovery,
// identity-center-password, identity-center-firewall, account-closing), found by reading every card against
// them on 2026-11-27. Each test failed on the corpus before.
describe('the cards follow the current AWS pages the Sign-In page points to', () => {
  it('a root user who lost their only MFA device is told to sign in with alternative factors before AWS Support', () => {
    for (const text of [cardText('mfa-device-lost', 'root'), cardText('mfa-device-lost')]) {
      const alternative = text.indexOf('Sign in using alternative factors');
      expect(alternative).toBeGreaterThan(-1);
      expect(text.indexOf('contact AWS Support')).toBeGreaterThan(alternative);
      expect(text).toMatch(/no longer ha(?:s|ve) access to the account email or (?:the )?phone/);
    }
    // Each kind's card lists only the sections its own steps cite.
    expect(cardText('mfa-device-lost', 'root')).not.toContain('Recovering an IAM user MFA device');
    expect(cardText('mfa-device-lost', 'iam')).toContain('Recovering an IAM user MFA device');
    expect(cardText('mfa-device-lost', 'iam')).not.toContain('Recovering a root user MFA device');
    // And the IAM user's steps never offer it: alternative factors are the root user's.
    const iamSteps = cardText('mfa-device-lost', 'iam').split('What to do')[1];
    expect(iamSteps).not.toContain('alternative factors');
  });

  it('an IAM user asking to close the account is told only the root user can, and whom to ask', () => {
    const text = cardText('close-account');
    expect(text).toContain("You can't close an account while signed in as an IAM user or role");
    expect(text).toMatch(/member account.*management account/s);
    expect(text).toContain('Your administrator');
  });

  it('an Identity Center user whose portal signs in through another identity provider is not told to reset in the portal', () => {
    const text = cardText('identity-center-password-reset');
    expect(text).toMatch(/Okta, Microsoft Entra ID, Active Directory\)\? Then this reset isn't for you/);
    expect(text.indexOf("this reset isn't for you")).toBeLessThan(text.indexOf('Choose "Forgot password"'));
  });

  it("a blocked access portal gets the Identity Center guide's full allow-list, not only the Sign-In page's two domains", () => {
    for (const text of [cardText('signin-page-blocked'), cardText('signin-page-blocked', 'identity-center')]) {
      expect(text).toContain('`signin.aws.amazon.com`');
      expect(text).toContain('enable-identity-center-portal-access.html');
    }
  });

  it('"Your authentication information is incorrect" with the right password points to a network sign-in policy and the administrator, before AWS Support', () => {
    for (const text of [
      cardText('wrong-signin-page'),
      cardText('wrong-signin-page', 'root'),
      cardText('wrong-signin-page', 'iam'),
    ]) {
      const policy = text.indexOf('sign in from a different network');
      expect(policy).toBeGreaterThan(-1);
      expect(text.slice(policy, policy + 200)).toContain('contact your administrator');
      const support = text.indexOf('create a case with AWS Support');
      if (support > -1) expect(support).toBeGreaterThan(policy);
    }
    // And the root user's "Who can help" names the administrator too, before AWS Support.
    const root = cardText('wrong-signin-page', 'root');
    expect(root).toMatch(/Who can help[\s\S]*Your administrator[\s\S]*AWS Support/);
  });

  it('a fraud report is something the person files, not a case for AWS Support', () => {
    const text = cardText('report-fraud');
    expect(text).not.toMatch(/AWS Support: AWS takes reports/);
    expect(text).toMatch(/You: You report suspected fraud or abuse to AWS yourself/);
    expect(text).toContain('https://repost.aws/knowledge-center/potential-account-compromise');
  });
});
