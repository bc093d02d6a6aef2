// An organisation adds its own topics (VPN, Okta, payroll, in-house tools) to knowledge/: questions
// about AWS must still get the answers they get from the shipped corpus. The grown corpus is the one
// `npm run bench:growth` measures, loaded through the real loader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGrowthCorpus } from '../../bench/growth-corpus';
import { createAnswerPath, DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { REFERENCE_PHRASES, REFERENCE_TOPICS } from '../../src/matching/index/term-votes';
import { ORG_CONTEXT, realAnswerPath } from '../helpers/corpus';

const folder = mkdtempSync(join(tmpdir(), 'aws-signin-grown-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a corpus grown to 500 topics with internal-IT topics', () => {
  writeGrowthCorpus(DEFAULT_KNOWLEDGE_DIR, folder, 500);
  const grown = createAnswerPath(ORG_CONTEXT, folder);
  const shipped = realAnswerPath();

  it('loads all 500 topics', () => {
    expect(grown.corpus.topics).toHaveLength(500);
  });

  it.each([
    ['my authenticator phone fell in the sea and now the aws console wants the mfa code', 'mfa-device-lost'],
    ['lost the root user password, I still read the account email', 'root-password-reset'],
    ['iam user, forgot my password, the admin is away', 'iam-password-reset'],
    ['how can I shut down our aws account for good', 'close-account'],
    ['where is the 12 digit account id, I need it for the iam sign in page', 'find-account-id'],
    // Both were asked whether they meant the added Outlook topics once "outlook" read as an email.
    ['no access to the root email anymore, what now', 'no-email-access'],
    [
      "root account is tied to a personal gmail of a cofounder who's gone and nobody has that gmail login anymore",
      'no-email-access',
    ],
  ])('still answers "%s" with %s, as the shipped corpus does', (question, expected) => {
    expect(shipped.matcher.match(question).topic?.id).toBe(expected);
    const result = grown.matcher.match(question);
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe(expected);
  });

  it('answers a question about one of the added systems with that system’s topic', () => {
    const result = grown.matcher.match('forgot my zentrix password');
    expect(result.kind).toBe('answer');
    expect(result.topic?.id).toBe('zentrix-password-reset');
  });

  it('answers a long post carried by its strongest sentence, as the shipped corpus does', () => {
    const longPost =
      "Hi all, hope you're well. We run about forty workloads in eu-west-1 and us-east-2 for a retail analytics " +
      'startup, with nightly jobs and dashboards. Yesterday evening I dropped my phone in the sea and the ' +
      'authenticator app with the root MFA is gone.';
    expect(shipped.matcher.match(longPost).topic?.id).toBe('mfa-device-lost');
    expect(grown.matcher.match(longPost).topic?.id).toBe('mfa-device-lost');
  });

  it("weighs each sentence among the whole post's contenders, not the whole corpus again", () => {
    const reading = grown.matcher.read('I lost my MFA device. Also the credit card on the account expired.');
    expect(reading.whole.contenders?.length).toBeGreaterThan(0);
    expect(reading.sentences).toHaveLength(2);
    for (const sentence of reading.sentences) expect(sentence.contenders).toBe(reading.whole.contenders);
  });

  it("weighs a question that names AWS among the AWS topics only, not the added systems' login errors", () => {
    const shippedIds = new Set(shipped.corpus.topics.map((topic) => topic.id));
    const reading = grown.matcher.read("the aws console keeps saying my password is wrong but I'm sure it's right");
    const contenders = (reading.whole.contenders ?? []).map((index) => grown.corpus.topics[index]?.id);
    expect(contenders.length).toBeGreaterThan(0);
    expect(contenders.filter((id) => !shippedIds.has(id ?? ''))).toEqual([]);
  });

  it('gives an AWS question the same confidence as the shipped corpus does', () => {
    const question = 'lost the root user password, I still read the account email';
    expect(grown.matcher.match(question).confidence).toBeCloseTo(shipped.matcher.match(question).confidence, 6);
  });
});

describe('the reference corpus', () => {
  it('is the shipped corpus: REFERENCE_TOPICS and REFERENCE_PHRASES match it (update them when it changes)', () => {
    const { corpus, matcher } = realAnswerPath();
    expect(corpus.topics).toHaveLength(REFERENCE_TOPICS);
    // Every title, keyword and example question is a phrase (none of the shipped ones is all stop words).
    const phrases = corpus.topics.reduce(
      (sum, topic) => sum + 1 + topic.vocabulary.keywords.length + topic.vocabulary.questions.length,
      0,
    );
    expect(phrases).toBe(REFERENCE_PHRASES);
    expect(matcher.topics).toHaveLength(REFERENCE_TOPICS);
  });
});
