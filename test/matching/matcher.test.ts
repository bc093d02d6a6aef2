// Which outcome real questions get from the real corpus. The questions are written for this test,
// not taken from the evaluation sets.

import type { Topic } from '../../src/knowledge/schema';
import { type Decision, decide, splitSentences } from '../../src/matching/matcher';
import { DEFAULT_THRESHOLDS } from '../../src/matching/thresholds';
import { realAnswerPath } from '../helpers/corpus';

const { matcher, corpus } = realAnswerPath();
const ids = (result: Decision) => result.candidates.map((t) => t.id);
/** The question is answered, with that topic. */
const expectAnswer = (question: string, topicId: string) => {
  const result = matcher.match(question);
  expect(result.kind).toBe('answer');
  expect(result.topic?.id).toBe(topicId);
};

describe('matcher answers', () => {
  it.each([
    ['my phone with the authenticator app fell in the sea and now root sign in wants the mfa code', 'mfa-device-lost'],
    [
      'google authenticator got wiped when I changed phones and now the aws root login wants the mfa code',
      'mfa-device-lost',
    ],
    ['which urls must the office firewall let through for the aws console?', 'signin-page-blocked'],
    ['lost the root user password, I still read the account email', 'root-password-reset'],
    ['iam user, forgot my password, the admin is away', 'iam-password-reset'],
    ['how can I shut down our aws account for good', 'close-account'],
    ['how do we close member accounts of our aws organization that nobody uses', 'close-account'],
    // AWS's own notice to an account it thinks compromised says it this way.
    ['got an email from aws saying my account may have been inappropriately accessed by a third-party', 'report-fraud'],
    ['the project reached end of life and we no longer require the aws account', 'close-account'],
    // Neither is read where it only sounds alike: a vendor's access removed, an old account to get into.
    ["we removed third party access from our aws account and now our admin can't log in", 'iam-password-reset'],
    [
      'I need to get into an old account we no longer need to download the invoices, but nobody has the root email anymore',
      'no-email-access',
    ],
    ['i want to send back something i bought on amazon.com', 'retail-order'],
    ['where is the 12 digit account id, I need it for the iam sign in page', 'find-account-id'],
  ])('"%s" -> %s', (question, expected) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe(expected);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });
});

describe('who is asking does not make another problem a close call', () => {
  it.each([
    ['need the account id to sign in as an iam user, where is it', 'find-account-id'],
    ["I'm an identity center user and my credentials are rejected on the start page", 'access-portal-credentials'],
  ])('"%s" -> %s, not "which of these?"', (question, expected) => expectAnswer(question, expected));

  it('still asks when the question names two kinds of user', () => {
    const result = matcher.match("I forgot my password, not sure if it's the root or an iam one");
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toContain('root-password-reset');
  });
});

describe('matcher clarifies', () => {
  it('asks what is wrong when a person is only "stuck at the sign-in page"', () => {
    const result = matcher.match('stuck on the aws login page, help');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(expect.arrayContaining(['wrong-signin-page', 'access-portal-credentials']));
    // A page that says what is wrong is answered.
    expect(matcher.match('the aws login page does not load at the office').topic?.id).toBe('signin-page-blocked');
  });
  it('asks what is wrong when a person can only say they "can\'t log in to aws" (prose, not the sign-in address)', () => {
    for (const question of ["can't log in to aws", 'cannot sign in to aws']) {
      const result = matcher.match(question);
      expect(result.kind).toBe('clarify');
      expect(ids(result)).toEqual(expect.arrayContaining(['wrong-signin-page', 'mfa-device-lost']));
      expect(ids(result)).not.toContain('federated-password');
    }
    expect(matcher.features('log in to aws').terms).not.toContain('signinurl');
    for (const address of ['signin.aws.amazon.com/console', 'signin.aws', 'us-east-1.signin.aws/platform/login']) {
      expect(matcher.features(`${address} is blocked`).terms).toContain('signinurl');
    }
    // The sign-in host said alone is the sign-in page, not an account that is blocked.
    expect(matcher.match('signin.aws is blocked').topic?.id).toBe('signin-page-blocked');
  });
  it('asks which code when the question says only "a code": the MFA device\'s or the one AWS emails', () => {
    for (const question of [
      "sign in wants a code and I don't have it",
      'the code doesnt work when I log in to the console',
    ]) {
      const result = matcher.match(question);
      expect(result.kind).toBe('clarify');
      expect(ids(result)).toEqual(expect.arrayContaining(['mfa-device-lost', 'verification-code']));
    }
    // Saying which is enough.
    expect(matcher.match('the mfa code doesnt work when I log in').topic?.id).toBe('mfa-device-lost');
    expect(matcher.match('never got the verification code email').topic?.id).toBe('verification-code');
  });

  it('asks which password when the question does not say', () => {
    const result = matcher.match('i forgot my password');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(
      expect.arrayContaining(['root-password-reset', 'iam-password-reset', 'identity-center-password-reset']),
    );
    expect(result.candidates.length).toBeLessThanOrEqual(4);
  });

  it('asks which password when a locked-out person needs a reset and does not say whose', () => {
    // It was the federated password topic (its phrases say "locked" of a company directory): a wrong answer
    // to the commonest way of asking, and to a real post in Japanese.
    const result = matcher.match('locked out of my aws account and cant reset password');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(expect.arrayContaining(['root-password-reset', 'iam-password-reset']));
    // The post in Japanese says who: whoever created ("作成") the account is its root user.
    const japanese = matcher.match('#AWS のアカウントを作成したのにログインできない。パスワード再発行も出来ない場合。');
    expect(japanese.kind).toBe('clarify');
    expect(ids(japanese)).toContain('root-password-reset');
    // Saying whose is enough.
    expect(matcher.match('okta locked me out and I need a password reset for aws').topic?.id).toBe(
      'federated-password',
    );
  });

  it('asks which case a plain "locked out" is', () => {
    const result = matcher.match('locked out of the aws console');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toContain('wrong-signin-page');
    // Words the corpus never saw beside it still leave a plain lock-out: a review found a rule that dropped the
    // group's question for a post mostly of such words ("how do i increase the vcpu limit on my account") sent
    // these to the fallback.
    for (const question of [
      'locked out of our aws account, urgent',
      'totally locked out of my aws account, panicking',
      "can't sign in anymore, super frustrating",
      'aws account inaccessible, halp',
      'account frozen???',
    ]) {
      expect(ids(matcher.match(question))).toEqual(expect.arrayContaining(['wrong-signin-page', 'mfa-device-lost']));
    }
  });
});

describe('matcher falls back', () => {
  it.each([
    'how do I add a lifecycle rule to an s3 bucket',
    'forgot my spotify password',
    'my github 2fa app is on my old phone',
    'good afternoon everyone',
    'zxcv qwop',
    'two-step verification is on and Google keeps sending the code to a phone number I gave up last year',
    'since switching to bitwarden the autofill no longer puts in my aws account id on the sign in page',
    // Another company's account behind a lost MFA device. Written for this test; before, each was answered
    // with the lost MFA device's steps: the exchange, the games and the chat were no product the lexicon knew.
    "switched phones and authy didn't restore my coinbase 2fa, I started their account recovery with my id",
    'lost the phone with my authenticator for my epic games account, how do I get back in',
    'my discord 2fa codes are on a phone I no longer have',
    'new phone and the blizzard authenticator for my battle.net account is gone, support wants my id',
    'psn two step verification locked me out after I changed phones',
  ])('"%s" gets the fallback', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  // Before, it fell back: WordPress was listed among other companies' accounts, but it is what many run on AWS.
  it("reads a WordPress site run on AWS as the workload it is, not another company's account", () => {
    expectAnswer('I run a wordpress site on aws and lost the root password', 'root-password-reset');
  });

  // Before, it fell back: Revolut was listed among other companies' accounts, but it is a bank whose card pays AWS.
  it("does not turn away a bank's card charged by AWS as another company's account", () => {
    expect(matcher.match("my revolut card got charged 300 euros by aws but I don't have an account").kind).not.toBe(
      'fallback',
    );
  });
});

describe('a number alone is no question', () => {
  it.each(['+1', '1', 'thanks! +1', '½', '1️⃣', '１'])('"%s" gets the fallback, not the email "+1 trick"', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  it('still counts a number beside words', () => {
    expect(matcher.match('can I sign up again with email+1 since my address is already used').topic?.id).toBe(
      'email-already-in-use',
    );
  });
});

describe('a fallback on a post about AWS offers its nearest topics', () => {
  // A rambling post whose detail thins the evidence below an answer: the MFA topic is still near the top.
  const rambling =
    'Honestly exhausted. Rebuilt my laptop over the weekend, reinstalled everything, and the AWS console keeps ' +
    'refusing me at the very last step where it wants the code from the app that lived on my old Pixel.';

  it('keeps the fallback, and offers the topics ranked nearest it', () => {
    const result = matcher.match(rambling);
    expect(result.kind).toBe('fallback');
    const nearest = (result.suggestions ?? []).map((t) => t.id);
    expect(nearest).toContain('mfa-device-lost');
    expect(nearest.length).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.maxSuggestions);
    expect(nearest).toEqual(ids(result).slice(0, nearest.length));
  });

  it.each([
    ['another product, nothing about AWS', 'my github 2fa app is on my old phone'],
    ['another task: a command-line error', 'aws cli says InvalidClientTokenId when I run aws s3 ls with my keys'],
    ['mostly another AWS service', 'how do I add a lifecycle rule to an s3 bucket'],
  ])('offers nothing for %s', (_, question) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('fallback');
    expect(result.suggestions).toBeUndefined();
  });

  it('offers nothing beside an answer or a question back', () => {
    expect(matcher.match('iam user, forgot my password, the admin is away').suggestions).toBeUndefined();
    expect(matcher.match('i forgot my password').suggestions).toBeUndefined();
  });
});

describe('decide', () => {
  const topic = (id: string) => corpus.byId.get(id) as Topic;
  const scored = (id: string, score: number) => ({ topic: topic(id), score, votes: 1, signal: 1 });
  const noGroup = {
    clarifyGroup: null,
    foreignTerms: 0,
    otherTaskTerms: 0,
    whoTerms: [],
    anchored: false,
    termVotes: [{ weight: 1, topics: [], shares: [], rates: [], otherShare: 0 }],
  };

  it('falls back when nothing scores enough, unless one topic leads clearly', () => {
    const low = [scored('close-account', DEFAULT_THRESHOLDS.minScore - 0.01)];
    expect(decide(low, DEFAULT_THRESHOLDS, noGroup).kind).toBe('answer');
    const lowAndClose = [...low, scored('report-fraud', DEFAULT_THRESHOLDS.minScore - 0.02)];
    expect(decide(lowAndClose, DEFAULT_THRESHOLDS, noGroup).kind).not.toBe('answer');
    const tiny = [scored('close-account', DEFAULT_THRESHOLDS.minClearScore / 2)];
    expect(decide(tiny, DEFAULT_THRESHOLDS, noGroup).kind).toBe('fallback');
    expect(decide(low, DEFAULT_THRESHOLDS, { ...noGroup, foreignTerms: 1 }).kind).toBe('fallback');
    expect(decide(low, DEFAULT_THRESHOLDS, { ...noGroup, foreignTerms: 1, anchored: true }).kind).toBe('answer');
  });

  it('answers a detailed question that leans one way, and asks about a vague one', () => {
    const ranking = [scored('find-account-id', 0.6), scored('iam-password-reset', 0.42)];
    const vague = {
      clarifyGroup: null,
      foreignTerms: 0,
      otherTaskTerms: 0,
      whoTerms: [],
      anchored: false,
      termVotes: [{ weight: 0.5, topics: [], shares: [], rates: [], otherShare: 0 }],
    };
    const detailed = {
      clarifyGroup: null,
      foreignTerms: 0,
      otherTaskTerms: 0,
      whoTerms: [],
      anchored: false,
      termVotes: Array(8).fill({ weight: 0.6, topics: [], shares: [], rates: [], otherShare: 0 }),
    };
    expect(decide(ranking, DEFAULT_THRESHOLDS, vague).kind).toBe('clarify');
    expect(decide(ranking, DEFAULT_THRESHOLDS, detailed).kind).toBe('answer');
  });

  it('offers a clarify group’s topics, best-scoring first, at most four', () => {
    const group = [
      'wrong-signin-page',
      'mfa-device-lost',
      'root-password-reset',
      'iam-password-reset',
      'no-email-access',
    ].map(topic);
    const ranking = [scored('no-email-access', 0.5)];
    const result = decide(ranking, DEFAULT_THRESHOLDS, {
      clarifyGroup: group,
      foreignTerms: 0,
      otherTaskTerms: 0,
      whoTerms: [],
      anchored: false,
      termVotes: [],
    });
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(['no-email-access', 'wrong-signin-page', 'mfa-device-lost', 'root-password-reset']);
  });
});

describe('matcher reads a post by its sentences', () => {
  it('asks back when one sentence settles the close call and another answers the other topic, if less surely', () => {
    const result = matcher.match("how do i reach aws support? also i want to close the account once i'm in");
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(expect.arrayContaining(['contact-aws-support', 'close-account']));
  });

  it('asks back, naming both, when two sentences describe two different problems', () => {
    const result = matcher.match(
      "I lost my MFA device and can't sign in as root. Also I need to change the credit card on the account, it expired.",
    );
    expect(result.kind).toBe('clarify');
    expect(result.twoProblems).toBe(true);
    expect(ids(result)).toEqual(expect.arrayContaining(['mfa-device-lost', 'change-credit-card']));
  });

  it.each([
    ['my mfa phone broke and the root email inbox is gone', ['mfa-device-lost', 'no-email-access']],
    ['I want to close our account but I forgot the root password', ['close-account', 'root-password-reset']],
    ['forgot my root password, and also the mfa device is lost', ['root-password-reset', 'mfa-device-lost']],
  ])('asks back, naming both, when one sentence joins two problems: "%s"', (question, topics) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('clarify');
    expect(result.twoProblems).toBe(true);
    expect(ids(result)).toEqual(expect.arrayContaining(topics));
  });

  it.each([
    ['I lost my phone and can not sign in', 'mfa-device-lost'],
    ['forgot my root password and need to reset it', 'root-password-reset'],
  ])('answers one problem said with "and": "%s"', (question, topic) => {
    const result = matcher.match(question);
    expect(result.twoProblems).toBeUndefined();
    expect([result.topic?.id, ...ids(result)]).toContain(topic);
  });

  // Reviews' posts. Before, each was answered with one of its two problems: the sure clause of the second sat
  // in a post of two sentences (clauses were read only in a post of one), or beside an unsure clause of the first.
  it.each([
    [
      'IAM user - forgot my password and lost my MFA phone. admin is on holiday',
      ['mfa-device-lost', 'iam-password-reset'],
    ],
    [
      'want to close an old aws account but the root email is dead (old uni address)',
      ['no-email-access', 'close-account'],
    ],
    [
      "I need to update the credit card on our AWS account before it expires, but I've also forgotten the root password. I do still get mail at the root address.",
      ['change-credit-card', 'root-password-reset'],
    ],
  ])(
    'asks back, naming both, when a part of the post surely states a second problem beside the answer: "%s"',
    (post, topics) => {
      const result = matcher.match(post);
      expect(result.kind).toBe('clarify');
      expect(result.twoProblems).toBe(true);
      expect(ids(result)).toEqual(topics);
    },
  );

  it('answers one problem beside a part that only says who is asking and how they sign in', () => {
    // A review's post: "I'm logged in as an IAM user with admin" had been read as the IAM user's password.
    expectAnswer(
      "I want to delete my AWS account. I'm logged in as an IAM user with admin but can't find the close account button",
      'close-account',
    );
  });

  it('asks back, naming both, when one sentence is sure of one problem and the rest of the post leans to another', () => {
    // Before, the one sure sentence (the lost root mailbox) carried the post, and the expired card, which the
    // whole post and two other sentences lean to, went unanswered.
    const result = matcher.match(
      'The mailbox for our aws root user was on a domain that lapsed in 2023 during the acquisition. In the meantime ' +
        'the amex on the account expired and billing keeps warning about suspension on the 3rd. I must update the ' +
        "card but can't receive any email from aws. Help!",
    );
    expect(result.kind).toBe('clarify');
    expect(result.twoProblems).toBe(true);
    expect(ids(result)).toEqual(['change-credit-card', 'no-email-access']);
  });

  it('answers the one sure problem when another sentence only leans, far less surely, to what is already done', () => {
    // "We added a new card already" leans to the card, at under half the suspension's score: background.
    expectAnswer(
      'Our aws account is suspended. The support agent mentioned verifying our payment information. We added a ' +
        'new card already but it is still suspended after two days. What else can we do?',
      'suspended-account',
    );
  });

  it.each([
    [
      'Last spring I lost the root MFA and got back in with the phone call option, that worked. Now the mailbox of ' +
        'the root email is gone because our mail host shut down. How do I change the root email without access to it?',
      'no-email-access',
    ],
    [
      // A review's post.
      'Our card was declined in April and the account got suspended for two days, but we paid and it was ' +
        "reactivated. Now my authenticator phone was stolen and I can't get past the MFA prompt as root. How do I reset MFA?",
      'mfa-device-lost',
    ],
  ])('answers the one sure problem when the other sentence tells of a problem already solved: "%s"', (post, topic) =>
    expectAnswer(post, topic),
  );

  it('asks which when the one sure sentence is the card, already done, and the rest of the post is the suspension', () => {
    // A review's post: the card is done ("that went through"), the suspension is not. Before, the card was the answer.
    const result = matcher.match(
      'We updated the credit card last week after the old one expired, that went through. But the account had ' +
        "already been suspended on the 28th for the failed payment. It still shows suspended today. How long until it's reactivated?",
    );
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(['suspended-account', 'change-credit-card']);
  });

  it('answers the one sure problem when the whole post leans elsewhere but no other sentence answers that', () => {
    // A review's post: read whole, "no issues with the password or MFA" makes the MFA device rank first.
    expectAnswer(
      "I can sign into the account fine as root, no issues with the password or MFA. The company that used it was sold and the new owners don't want it. How do I close the aws account?",
      'close-account',
    );
  });

  it('reads the steps of a story told over several sentences as one problem, not one per clause', () => {
    // A real post (test/fixtures/real-posts.jsonl): read clause by clause, it was asked back as two problems.
    const result = matcher.match(
      'we had a situation where the persona that created the account initially left the company. the only way to recover the account was to re-create his email and reset the root password',
    );
    expect(result.twoProblems).toBeUndefined();
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('no-email-access');
  });

  it('answers a long post whose detail thins the evidence, carried by its strongest sentence', () => {
    const post =
      "Hi all, hope you're well. We run about forty workloads in eu-west-1 and us-east-2 for a retail analytics " +
      'startup, with nightly jobs and dashboards. Yesterday evening I dropped my phone in the sea and the ' +
      'authenticator app with the root MFA is gone.';
    const result = matcher.match(post);
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('mfa-device-lost');
    expect(result.twoProblems).toBeUndefined();
  });

  it.each([
    'my aws account is suspended and ec2 instances are stopped',
    'our aws account got suspended and all our ec2 instances and rds databases are down',
  ])('answers "%s", carried by its one confident clause, though the services it names thin the whole', (question) =>
    expectAnswer(question, 'suspended-account'),
  );

  it.each([
    'my aws account got suspended and i lost the mfa device, ec2 instances and rds databases are down',
    'ec2 instances and rds databases are all stopped, the aws account is suspended and also I lost the root mfa device',
  ])('does not let one clause carry "%s": another leans to another problem with evidence of its own', (question) => {
    expect(matcher.match(question).kind).not.toBe('answer');
  });

  it.each([
    // AWS named in a phrase the lexicon folds ("the aws console"), or in the sign-in address.
    ['i lost the mfa device for the aws console and my ec2 instances are running', 'mfa-device-lost'],
    ['i lost mfa on signin.aws.amazon.com and my ec2 instances keep running', 'mfa-device-lost'],
    // A short remark beside the problem ("…and i contacted support") is no second problem.
    ['my aws account is suspended and our ec2 instances are stopped and i contacted support', 'suspended-account'],
  ])('lets the clause that names AWS carry "%s" (%s)', (question, expected) => expectAnswer(question, expected));

  it.each([
    // Another product with nothing of AWS beside it: the clause alone no longer says GitHub.
    'forgot my github password and lost the 2fa recovery codes too',
    // Other products' words thinned it, and the clause does not name AWS: a database's root password.
    "my rds mysql database won't accept connections and I forgot the root password",
    'the ec2 instance is unreachable and I forgot the root password for it',
    // Another task (Studio Lab's own accounts), named once: its code is not AWS's emailed code.
    'my sagemaker studio lab account got approved but the verification code is not coming',
    // Another task (an app's users in Cognito): the clause naming AWS's code does not make it a sign-in problem.
    "our app users in cognito can't log in and the aws verification code email never comes",
  ])('does not let a clause carry "%s"', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  // Before, this fell back: each sentence leans to the fraud report, none surely, and the amounts, regions
  // and instance types thin the whole below an answer.
  it('answers a long post whose sentences agree on its first topic, though none is sure of it', () => {
    const post =
      'Got home from a conference and saw a $5,212.80 charge from AWS on the company Amex. Someone launched 60 ' +
      'p4d instances in eu-north-1 and sa-east-1 on Saturday night. We never use those regions and nobody on the ' +
      'team touched the account. We already rotated everything we could find. Who at AWS do I report this to?';
    const result = matcher.match(post);
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('report-fraud');
  });

  it('keeps a long post about another task a fallback, whatever its sentences lean to', () => {
    const post =
      'Since Monday the aws cli fails with ExpiredTokenException on every call. I signed in to the console ' +
      'again and that works. I rotated the access keys twice. Why does the cli still reject them?';
    expect(matcher.match(post).kind).toBe('fallback');
  });

  it('asks which of two topics, rather than giving up, when a long AWS post spreads its evidence thin', () => {
    const post =
      'So the situation at our school is that the AWS account was opened by a teacher who moved to another ' +
      'district two summers ago, the sign in page now asks for a code sent to a phone we do not have and the ' +
      'password reset mail goes somewhere nobody reads';
    const result = matcher.match(post);
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(expect.arrayContaining(['verification-code', 'root-password-reset']));
  });

  it('still gives up on the same post about another product, which names nothing of AWS', () => {
    const post =
      'So the situation at our school is that the Google Workspace account was opened by a teacher who moved to ' +
      'another district two summers ago, the sign in page now asks for a code sent to a phone we do not have and ' +
      'the password reset mail goes somewhere nobody reads';
    expect(matcher.match(post).kind).toBe('fallback');
  });

  it('asks which, rather than guessing, when the whole post and its one clear sentence disagree', () => {
    const post =
      'Nobody can get into several member accounts of our organization anymore. We still have their ids and ' +
      'passwords. How can we reset the 2FA for them from the root account?';
    const result = matcher.match(post);
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(['mfa-device-lost', 'root-password-reset']);
  });

  it('answers a post that would ask back, when its one clear sentence settles on the first topic', () => {
    const result = matcher.match(
      'how can i call amazon web services about my sign in issue? nothing in the docs worked for me',
    );
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('contact-aws-support');
  });

  it('does not split a sentence at the dots of a host name', () => {
    expect(splitSentences('signin.aws.amazon.com is blocked. who can unblock it?')).toEqual([
      'signin.aws.amazon.com is blocked',
      ' who can unblock it',
    ]);
  });
});

describe('matcher asks which when the person names two possibilities', () => {
  it.each([
    ["I can't tell whether my aws account was hacked or suspended", ['report-fraud', 'suspended-account']],
    ['not sure whether I lost my mfa or forgot the root password', ['mfa-device-lost', 'root-password-reset']],
    [
      'either my identity center password expired or the access portal url changed',
      ['identity-center-password-reset', 'access-portal-credentials'],
    ],
    // The second possibility a sentence of its own; it is too short to be answered, but leads surely.
    [
      "can't get into the aws console from the office. could this be our firewall? or am i on the wrong sign in page?",
      ['signin-page-blocked', 'wrong-signin-page'],
    ],
    ['was it suspended or closed? my aws account wont let me sign in', ['suspended-account', 'close-account']],
    ['dunno if my aws account got suspended or hacked, cant log in', ['suspended-account', 'report-fraud']],
    [
      'is it a billing issue or a suspension? cant access my aws account after the card expired',
      ['suspended-account', 'billing-support'],
    ],
  ])('"%s" asks which of the two', (question, topics) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('clarify');
    expect(ids(result).sort()).toEqual([...topics].sort());
  });

  it('offers the two in the order the whole question ranks them, not the order they were written', () => {
    const result = matcher.match('no idea if aws closed my account or suspended it, got email about unpaid balance');
    expect(ids(result)).toEqual(['suspended-account', 'close-account']);
  });

  it('leaves a question about something else to the fallback, whatever its possibilities say on their own', () => {
    const question = "either my mfa is broken or the account id is wrong, jenkins can't deploy to s3";
    expect(matcher.match(question).kind).toBe('fallback');
  });

  it.each([
    // Both possibilities are the same problem.
    ['I have either forgotten my iam password or my access has been revoked', 'iam-password-reset'],
    // "Is it possible … or …" asks how, not which problem.
    ['is it possible to reset the root password or do I need aws support', 'root-password-reset'],
    // Unsure who is asking, not of the problem: the kind of user is asked about apart (user-kind.ts).
    ["not sure if i'm root or iam, I lost my mfa device", 'mfa-device-lost'],
    // A follow-up of what to do is no second possibility.
    ['I forgot my aws root password. Or should I just open a support case?', 'root-password-reset'],
    // "aws made a mistake" alone leans nowhere surely.
    ['someone either hacked my aws or aws made a mistake, i got a $3000 bill and cant sign in', 'report-fraud'],
    // "aws support" alone points at AWS Support, which the question as a whole does not lean to.
    ['either aws support or my admin needs to reset my mfa, which one?', 'mfa-device-lost'],
    // Read alone, "already used", "deactivated" and "typed it wrong" lean to topics the whole question
    // ranks at less than half its first.
    ['root password reset link expired. Or was it already used?', 'root-password-reset'],
    ['forgot iam password. Or is it that my account was deactivated by admin?', 'iam-password-reset'],
    ['either the verification code expired or i typed it wrong', 'verification-code'],
    // Without "iam": both possibilities still the IAM user's password, not a question between kinds.
    ['I have either forgotten the password or my access has been revoked', 'iam-password-reset'],
  ])('"%s" is answered (%s)', (question, expected) => expectAnswer(question, expected));
});

describe('matcher rejects other tasks on positive evidence', () => {
  it.each([
    'aws cli says InvalidClientTokenId when I run aws s3 ls with my access key',
    "the users of our app in the cognito user pool don't get their MFA codes",
    'vscode aws toolkit keeps asking me to sign in again',
    'ssh permission denied publickey on my ec2 instance',
    'I sign in to aws from nodejs and the login asks for email and password, both rejected',
    // Other AWS products' own accounts, and running an organisation, are not signing in to the console.
    'kiro keeps saying sign in failed after I pick my builder id',
    'amazon q wont accept my login anymore',
    'the workspaces app wants a registration code, where do I find it',
    'how can our org use an scp to require mfa for every iam user',
    // Kiro's lock notice, pasted: its "User ID" is not an AWS account that AWS suspended.
    "my account got suspended out of nowhere, it says: Unable to fetch account usage data: Your User ID (a1b2c3d4-0000) temporarily is suspended. We've locked your account as a security precaution.",
    // An SDK error code of any name is the command line's or an SDK's, not the console's.
    'aws sso login opens the browser and then dies with InvalidGrantException',
    // Setting up federation, an administrator's task: before, each was answered (the Identity Center console
    // error, the access portal).
    'our scim provisioning from jumpcloud to identity center syncs the groups but every membership is empty',
    'the role attribute is missing from the saml assertion of our entra id enterprise app for aws',
    // A command-line tool named for AWS: before, each was answered with the topic its other words lean to.
    'every time I run aws-okta after my password changed, the okta account gets locked out',
    'aws-sso does not open the access portal for GovCloud, the start url has another format',
    'aws-mfa prompts for the token then fails with MultiFactorAuthentication failed',
    // A developer's words (a library, a method, an exception; a backend, a query, a frontend): before, each was
    // asked about (the root user's disabled recovery, Amazon's shop, the MFA device or a code).
    'after I install the library the login method throws an exception about the session token on aws',
    "our backend can't validate the aws sign in token, the query returns an exception",
    'how do I configure the backend to validate the mfa code users enter on our frontend',
    // Signing in to another AWS service's own page is that service's: before, each was answered (the Identity
    // Center console error, the wrong sign-in page) or asked about.
    'signing in to quicksight shows an error page while authenticating',
    'our opensearch dashboards login page rejects my password',
    "the cloudshell session won't start, says authentication failed",
    'workmail keeps asking me to sign in again on my phone',
    // Verifying an address an app sends email from (an SES identity): before, answered with AWS's emailed code.
    'the verification email for our new ses email identity never arrived',
  ])('"%s" gets the fallback, though it names AWS', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  it.each([
    // Why the person has the account, said in passing, is no other task (a learning site's name was one, briefly).
    ['I created an aws account for an aws academy course and forgot the root password', 'root-password-reset'],
    ['locked out of my aws account, I lost the mfa device, I need it for my aws certification exam', 'mfa-device-lost'],
    ['what is my aws account id, I need it for partner central', 'find-account-id'],
    // Kiro's notice is "Unable to fetch account usage data"; the account's usage data itself is AWS's.
    ['my aws account is suspended and I want to download the account usage data first', 'suspended-account'],
    // SES named as the sender of AWS's own code is no SES identity.
    ['I never got the aws verification code email when signing in as root', 'verification-code'],
    // A service named as what the person wants to get back to is no other task.
    ['I lost my mfa device and I need to check a failed step functions run in the aws console', 'mfa-device-lost'],
    [
      "I can't sign in to the aws console to look at my lightsail instance, forgot the root password",
      'root-password-reset',
    ],
    // A developer's word in passing is a hint, not another task.
    ["I can't configure my new mfa device because I can't sign in to aws", 'mfa-device-lost'],
    ["the sign in page has an input for account id and I don't know mine", 'find-account-id'],
    ['lost the hardware token for our aws root user', 'mfa-device-lost'],
  ])('"%s" is answered (%s), though it names another site or its data', (question, expected) =>
    expectAnswer(question, expected),
  );

  it('gets the fallback on Kiro\'s suspended "user id", though it names no product', () => {
    expect(matcher.match("my user id is temporarily suspended, what happened? I really don't know").kind).toBe(
      'fallback',
    );
  });

  // Before, it fell back: the identity provider's "enterprise app" counted as setting up federation.
  it('answers a person who lost the AWS tile of the enterprise app dashboard', () => {
    expectAnswer(
      'the aws tile disappeared from our okta enterprise app dashboard, how else do I get in',
      'access-portal-credentials',
    );
  });

  it('does not count the SAML error a person sees at the tile as setting up federation', () => {
    const features = matcher.features(
      "clicked the aws tile in okta and got 'Your request included an invalid SAML response', I'm not an admin",
    );
    expect(features.otherTaskTerms).toBe(0);
  });

  // Before, it fell back: "callback" counted as an OAuth callback, another task. A callback URL still does.
  it("reads a callback from AWS Support as the phone call it is, not an app's OAuth callback", () => {
    expectAnswer(
      'no way to sign in to our aws account anymore, how do I get aws support to call me back or request a callback',
      'contact-aws-support',
    );
  });

  it('gets the fallback on two words of another task, though a topic scores enough and AWS is named', () => {
    expect(matcher.match('aws amplify auth signup flow never emails the verification code').kind).toBe('fallback');
  });

  it.each([
    // One word of another task beside a lock-out the question states is not another task: the lock-out is asked.
    ['forgot my root password, can I reset it from the cli?', 'root-password-reset'],
    ["I lost my MFA device and now I can't log in, not even with the cli", 'mfa-device-lost'],
    ["can't get past sso login since I got a new phone, the mfa is gone", 'mfa-device-lost'],
  ])('"%s" is still answered (%s)', (question, expected) => expectAnswer(question, expected));

  it('answers a detailed fraud report whose topic dwarfs the rest, though the detail thins its score', () => {
    const result = matcher.match(
      'Our AWS account started sending thousands of emails through SES overnight and there are EC2 machines in Sao Paulo and Mumbai we never created',
    );
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('report-fraud');
  });

  // A fresh review's posts: each first topic scored more than twice the second, and each fell back.
  it.each([
    [
      'terminate aws account permanently — do I have to delete every ec2 instance and bucket first or does closing take care of it?',
      'close-account',
    ],
    [
      "There's a phishing page hosted on an S3 bucket impersonating our bank's login. how do I report it to aws",
      'report-fraud',
    ],
  ])('answers a post naming AWS whose first topic is twice the second: "%s"', (question, expected) =>
    expectAnswer(question, expected),
  );

  it('counts the services a fraud report lists as its evidence, not against it', () => {
    const result = matcher.match(
      'someone hacked our aws account and launched ec2 instances and sagemaker jobs in every region',
    );
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('report-fraud');
  });
});

describe('matcher normalisation', () => {
  // Before, each script's few lexicon words carried these posts: the fraud report was asked whether it was a
  // billing question, the error message's "不正" (invalid) read as nothing, and the unknown resources' bill was
  // answered with billing support alone.
  it.each([
    ['我的AWS账号被入侵了，账单里突然多了几十台挖矿的EC2实例，该向谁举报', 'report-fraud'],
    ['ワンタイムパスワードが不正ですと言われてAWSにログインできない', 'mfa-device-lost'],
    // Before, each was asked about: a colleague who left, an address already used, a blocked page's domains.
    ['根账号的邮箱是离职同事的公司邮箱，已经被删除了，怎么办', 'no-email-access'],
    ['루트 계정 이메일이 퇴사한 직원 메일이라 받을 수가 없어요', 'no-email-access'],
    ['以前关掉的AWS账号的邮箱想重新注册，提示已被使用', 'email-already-in-use'],
    ['公司内网打不开AWS登录页面，要让网管放行哪些域名', 'signin-page-blocked'],
    // The same concepts in Spanish, Portuguese, French and German; before, each was asked about.
    ['minha conta aws foi comprometida, apareceram instâncias de mineração que eu não criei', 'report-fraud'],
    ["le compte root avait l'adresse d'un ancien employé, la boîte mail a été supprimée", 'no-email-access'],
    ['die E-Mail des Root-Kontos gehörte einem ehemaligen Mitarbeiter und wurde gelöscht', 'no-email-access'],
    [
      'la página de inicio de sesión de aws no carga en la oficina, qué dominios hay que permitir',
      'signin-page-blocked',
    ],
    // And in Indonesian and Turkish, which had no words of their own.
    ['saya lupa kata sandi akun root aws saya', 'root-password-reset'],
    ['aws hesabımın şifresini unuttum, root kullanıcı', 'root-password-reset'],
    ["aws hesabim hacklendi, bilmediğim instance'lar var", 'report-fraud'],
    // And in Russian and Vietnamese.
    ['забыл пароль от root аккаунта aws, как сбросить', 'root-password-reset'],
    ['không đăng nhập được aws vì quên mật khẩu root', 'root-password-reset'],
  ])('reads the words of a post in another language: "%s"', (question, topic) => expectAnswer(question, topic));

  it('does not answer a surprise bill with unknown resources as a billing question alone', () => {
    const result = matcher.match('AWSの請求が急に高額になっていて、身に覚えのないリソースが大量に作られていた');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toContain('report-fraud');
  });

  // Before, both were AWS's codes: WeChat's was asked about, Rakuten's lost phone answered with the MFA steps.
  it.each([
    '微信换手机号后收不到验证码，怎么登录',
    '楽天の二段階認証のスマホをなくしてログインできない',
    // Read now that Russian words are: Yandex's code, not AWS's.
    'не могу войти в Яндекс ID, код приходит на старый номер',
  ])('places another company\'s account named in another script elsewhere: "%s"', (question) =>
    expect(matcher.match(question).kind).toBe('fallback'),
  );

  // Before, the provider's name was only another product's: "lost access" was all the question said.
  it.each([
    'lost access to the gmail tied to aws root',
    "lost access to the hotmail account tied to my aws root user and microsoft won't let me recover it. what now",
  ])('reads a mail provider beside AWS as the mailbox: "%s"', (question) => expectAnswer(question, 'no-email-access'));

  it('still places a mail provider with nothing of AWS beside it elsewhere', () => {
    expect(matcher.match('my gmail got hacked, how do i get it back').kind).toBe('fallback');
    expect(matcher.match('how do i reset my okta password for gmail').kind).toBe('fallback');
  });

  // Before, "don't have access" lost its "don't" and read as plain "access": the root user's password scored
  // close behind and the person was asked which.
  it.each([
    "we don't have access to the root account's email anymore",
    'i do not have access to the email on our aws account',
    "haven't got access to the root mailbox",
  ])('reads "%s" as no access to the mailbox, as "no access" is', (question) =>
    expectAnswer(question, 'no-email-access'),
  );

  // Before, "mfa ... deleted" folded onto S3's MFA Delete setting, a word of another product: each fell back.
  it.each([
    "my authenticator app got deleted and now i can't sign in to aws",
    'the mfa got deleted when i reset my phone',
    'google authenticator deleted itself after an update, aws console wants the code',
  ])('reads an MFA app that got deleted as a lost MFA device: "%s"', (question) =>
    expectAnswer(question, 'mfa-device-lost'),
  );

  it.each(['how do I enable MFA delete on an s3 bucket?', "can't disable mfa delete, keeps saying access denied"])(
    'still turns away S3\'s MFA Delete setting: "%s"',
    (question) => expect(matcher.match(question).kind).toBe('fallback'),
  );

  // Before, "slack" was another product beside AWS words and each fell back: a review's post, then mine.
  it.each([
    [
      'new intern here, got an IAM username and temp password from my lead over slack but the sign in page asks for account ID or alias. where do i find that',
      'find-account-id',
    ],
    ['my manager sent me an iam user on slack but never the account id', 'find-account-id'],
  ])('reads Slack beside AWS as where a message came, not another product: "%s"', (question, topic) =>
    expectAnswer(question, topic),
  );

  it("still turns away Slack's own sign-in, with nothing of AWS named", () => {
    expect(matcher.match('slack keeps asking me for a 2fa code and i lost my phone').kind).toBe('fallback');
  });

  it.each([
    ["can't log in to amazon.co.uk to track my order", 'retail-order'],
    ['my kindle account on amazon.de is locked', 'retail-order'],
  ])('"%s" is retail Amazon beyond amazon.com -> %s', (question, expected) => expectAnswer(question, expected));

  // Written for this test; before, the first was answered with the lost MFA device's steps and the second
  // with the emailed verification code's: words of a sign-in problem outweighed the shop they happen in.
  it.each([
    'locked out of amazon.com after changing phones, the OTP goes to my old number',
    'amazon.de keeps asking for a verification code I never get by email',
    'forgot my prime password and the reset email never arrives',
  ])(
    'answers a sign-in problem at Amazon\'s shop, with nothing of AWS named, with the shop\'s topic: "%s"',
    (question) => expectAnswer(question, 'retail-order'),
  );

  it("still scores a question that names AWS beside Amazon's shop like any other", () => {
    const result = matcher.match(
      "I lost my MFA phone and can't sign in to the aws console as root, and amazon.com too",
    );
    expect(result.topic?.id ?? ids(result)[0]).not.toBe('retail-order');
  });

  /** Asked "AWS or Amazon's shop?": one AWS topic and the shop's, nothing else. */
  const expectAskedAwsOrShop = (question: string) => {
    const result = matcher.match(question);
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toContain('retail-order');
    expect(ids(result)).toHaveLength(2);
  };

  // Written for this test; before, each was answered with an AWS topic (a fraud report, the suspended
  // account) though "amazon" alone may as well be the shop's account.
  it.each(['my amazon account got hacked', 'my amazon account was suspended yesterday'])(
    'asks whether "amazon", with nothing of AWS named, is AWS or Amazon\'s shop: "%s"',
    expectAskedAwsOrShop,
  );

  // Written for this test; before, each fell back although the shop's topic scored first.
  it.each([
    `on my amazon account I can't open my account settings in chrome, I get "we're sorry, the web address you entered is not a functioning page"`,
    'amazon shows "not a functioning page on our site" when I click my account',
    'I cannot go to my amazon account settings, it says the web address is not a functioning page',
  ])(
    'answers "amazon" with nothing of AWS named with the shop\'s topic when it scores first, though thinly: "%s"',
    (question) => expectAnswer(question, 'retail-order'),
  );

  // Written for this test; before, it was answered with changing the card on AWS.
  it("asks whether a question naming both Amazon's shop and AWS is about the shop or AWS", () => {
    expectAskedAwsOrShop('amazon prime took money from my card, is that something on my aws bill?');
  });

  it.each([
    'my amazon web services account got hacked',
    'someone hacked the amazon root account, there are ec2 instances we never launched',
  ])('answers "amazon" beside something of AWS (a word, a kind of user) without asking: "%s"', (question) =>
    expectAnswer(question, 'report-fraud'),
  );

  // Before, each was answered with Amazon's shop: "package" and "delivery" folded onto the shop's name.
  it.each([
    'the verification email delivery seems broken, I never get the code',
    'mfa code delivery by sms never happens',
    'I installed the npm package and now sign in fails',
  ])('does not take a package or a delivery for Amazon\'s shop: "%s"', (question) => {
    const result = matcher.match(question);
    expect(result.topic?.id).not.toBe('retail-order');
  });

  it("still answers a lost parcel with the shop's topic", () => {
    const result = matcher.match('my package never arrived, who do I contact');
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('retail-order');
  });

  // Written for this test; before, each was answered with Amazon's shop, whose customer service cannot fix
  // a program someone else wrote.
  it.each([
    'my homebridge alexa plugin says login failed since I turned on 2-step verification on my amazon account',
    'the home assistant alexa integration keeps asking me to sign in to amazon again and the otp is rejected',
    'my selenium script that downloads my amazon.com order history now stops at a captcha on the login page',
    'building an alexa skill: account linking with our own oauth server fails for my amazon account',
    'our repricing app gets an invalid refresh token from the amazon seller api since I changed the password',
    'my audible downloader says amazon login failed ever since I turned on two-step verification',
  ])('turns away a tool that signs in to Amazon\'s shop for someone, nothing of AWS named: "%s"', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  // Before, each fell back: a tool's name of two words ("home assistant", "node red") counted word by word.
  it.each([
    'my amazon.com home page is blank after I sign in',
    'amazon.com sign in keeps failing, the red error box says my password is wrong',
  ])('reads a word of a two-word tool\'s name alone as no tool: "%s"', (question) =>
    expectAnswer(question, 'retail-order'),
  );

  it("still answers the shop's own sign-in trouble in the browser with the shop's topic", () => {
    expectAnswer('the amazon.com login page keeps looping back after I installed a browser extension', 'retail-order');
  });

  it("does not read another host under amazon.com as Amazon's shop", () => {
    const result = matcher.match('clicking sign in on developer.amazon.com just reloads the page');
    expect(result.topic?.id).not.toBe('retail-order');
  });

  // Before, the first was answered with the topic of an email address already taken ("taken away" read as
  // "taken") and the second asked about it first.
  it.each(['my aws access got taken away after 90 days', 'I had access to AWS before but I believe it was taken away'])(
    'reads access "taken away" as revoked, not as an email address already taken: "%s"',
    (question) => expectAnswer(question, 'iam-password-reset'),
  );

  it('reads a software agent as software, not as a person at AWS to talk to', () => {
    // Before, "agent" alone was a person: this was asked about reaching AWS Support. It reads as any other
    // piece of software does, whatever the rest of it is asked about.
    const withAgent = matcher.match('the ssm agent says access denied in the aws console');
    const withDaemon = matcher.match('the ssm daemon says access denied in the aws console');
    expect({ kind: withAgent.kind, topics: ids(withAgent) }).toEqual({
      kind: withDaemon.kind,
      topics: ids(withDaemon),
    });
    expect(ids(withAgent)[0]).not.toBe('contact-aws-support');
    expect(matcher.match('can I talk to an agent about my aws login').topic?.id).toBe('contact-aws-support');
  });

  // Before, the first was answered with the blocked sign-in page: an API endpoint's host read as words of
  // the sign-in page ("blocks", "amazonaws com") instead of another task.
  it('rejects a blocked API endpoint under amazonaws.com, and keeps a blocked sign-in host or portal host its topic', () => {
    const endpoint = matcher.match(
      "the office proxy blocks s3.us-east-2.amazonaws.com so our deploy job can't upload anything",
    );
    expect(endpoint.kind).toBe('fallback');
    for (const question of [
      'our dns filter blocks signin.aws.amazon.com and sts.amazonaws.com, nobody can log in to the console',
      "the proxy blocks *.sso.amazonaws.com so the access portal won't load",
    ]) {
      const result = matcher.match(question);
      expect(result.kind).toBe('answer');
      expect(result.topic?.id).toBe('signin-page-blocked');
    }
  });

  // Before, the first was answered with the Identity Center password ("my app's" had become "my apps", a
  // name of the access portal) and the second with AWS's emailed verification code.
  it.each([
    "my app's users can't get the password reset email",
    "our cognito verification emails stopped. we checked spam. aws support hasn't answered the case",
  ])('rejects a question about an app\'s own users\' sign-in: "%s"', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });

  it('reads shopping words with no site named as retail Amazon', () => {
    const result = matcher.match("I can't see my wishlist or the sellers anymore after signing in");
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('retail-order');
  });

  it('reads a sign-in page that cannot be visited or reached as one that does not load', () => {
    const result = matcher.match('cant visit signin.aws.amazon.com from my desk');
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('signin-page-blocked');
  });

  it("reads the portal's address as its URL, not as an email address to reset a password from", () => {
    const result = matcher.match("sso portal address for our org, I'm a new identity center user");
    // Not answered as a forgotten password: the portal's topic is the answer or one of the choices.
    expect(result.topic?.id).not.toBe('identity-center-password-reset');
    expect([result.topic?.id, ...ids(result)]).toContain('access-portal-credentials');
    expect(result.kind).not.toBe('fallback');
  });

  // Written for this test in the languages of the real posts; before the lexicon had them, the French one
  // was answered with the lost mailbox's topic ("fermer" typo-corrected into "former") and the Portuguese
  // one with the account ID's.
  it.each([
    ['Esqueci a senha do usuário raiz da AWS, como faço para redefinir?', 'root-password-reset'],
    ["Je veux fermer mon compte AWS, je ne trouve pas où c'est", 'close-account'],
    ['Wie ändere ich die Kreditkarte in meinem AWS-Konto?', 'change-credit-card'],
    ['olvidé la contraseña de mi usuario IAM, quién la restablece?', 'iam-password-reset'],
    ['perdi meu celular com o app de MFA, como faço para entrar na conta AWS?', 'mfa-device-lost'],
    ['alguém está usando a nossa conta AWS para minerar cripto, como denunciar?', 'report-fraud'],
    ['IAMユーザーですが、アカウントIDを忘れました', 'find-account-id'],
  ])('reads "%s" in its own language -> %s', (question, expected) => expectAnswer(question, expected));

  it('reads the root user named in another language as the root user', () => {
    expect(matcher.match('Esqueci a senha do usuário raiz da AWS').user).toBe('root');
    expect(matcher.match('mot de passe oublié pour le compte racine AWS').user).toBe('root');
  });

  it('keeps English words whose stem another language shares: a shopping cart is no credit card', () => {
    const result = matcher.match('two TVs I never ordered sat in my amazon shopping cart');
    expect(result.topic?.id).toBe('retail-order');
  });

  it('reads an account that is blocked as an account problem, not a blocked sign-in page', () => {
    const result = matcher.match('my aws account is blocked, how do I get it back');
    expect(result.topic?.id ?? ids(result)[0]).toBe('suspended-account');
    expect(ids(result)).not.toContain('signin-page-blocked');
  });
});

// Found by a review of the day's lexicon changes: each of these went wrong with them.
describe('the lexicon, reviewed', () => {
  it('counts a billing alert about strange usage as the fraud report it is', () => {
    const result = matcher.match('I got a billing alert for $3000, someone is mining crypto on my account');
    expect(result.topic?.id).toBe('report-fraud');
  });

  it('does not read "no longer exists" as a lost MFA device', () => {
    expect(matcher.match('the IAM user no longer exists').topic?.id).not.toBe('mfa-device-lost');
    expect(matcher.match("I'm an IAM user and the mailbox does not exist").topic?.id).not.toBe('mfa-device-lost');
  });

  it('keeps English words whose stem another language’s word shares', () => {
    expect(matcher.features("I can't log into my acc").terms).toContain('account');
    expect(matcher.features('quiero cambiar los datos de la tarjeta').terms).not.toContain('lost');
  });

  it('drops the small words of a post in another language, so they do not thin its evidence', () => {
    const german =
      'Wir melden uns bei AWS über unser Firmen-ADFS an. Ich habe mein Passwort vergessen und der Link führt ins ' +
      'Leere. Kann ich das bei AWS zurücksetzen oder muss das unsere IT machen? Ich brauche dringend Zugriff.';
    expect(matcher.match(german).topic?.id).toBe('federated-password');
    const portuguese = matcher.features('esqueci a senha, isso é urgente pra mim, quem é o administrador dessa conta?');
    expect(portuguese.terms).toEqual(expect.arrayContaining(['password']));
    for (const small of ['isso', 'pra', 'dessa']) expect(portuguese.terms).not.toContain(small);
  });

  it('does not take "a question" for a billing question: it says nothing of the problem', () => {
    expect(matcher.match('question about my aws account').topic?.id).not.toBe('billing-support');
    expect(matcher.features('quick question, noob question: lost my mfa device').terms).not.toContain('question');
    expect(matcher.match('I have a billing question but I cannot sign in').topic?.id).toBe('billing-support');
  });

  it('reads English with a weekday, a time zone or a name as English: its typos are still corrected', () => {
    expect(matcher.match("Since Mon 9am EST I can't get the verifcation code").topic?.id).toBe('verification-code');
    expect(matcher.match('Des and Del both lost access, authentcator app gone').topic?.id).toBe('mfa-device-lost');
  });
});
