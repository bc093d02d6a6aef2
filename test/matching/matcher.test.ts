// Which outcome real questions get from the real corpus. The questions are written for this test,
// not taken from the evaluation sets.

import type { Topic } from '../../src/knowledge/schema';
import { type Decision, decide } from '../../src/matching/matcher';
import { DEFAULT_THRESHOLDS } from '../../src/matching/thresholds';
import { realAnswerPath } from '../helpers/corpus';

const { matcher, corpus } = realAnswerPath();
const ids = (result: Decision) => result.candidates.map((t) => t.id);

describe('matcher answers', () => {
  it.each([
    ['my phone with the authenticator app fell in the sea and now root sign in wants the mfa code', 'mfa-device-lost'],
    ['which urls must the office firewall let through for the aws console?', 'signin-page-blocked'],
    ['lost the root user password, I still read the account email', 'root-password-reset'],
    ['iam user, forgot my password, the admin is away', 'iam-password-reset'],
    ['how can I shut down our aws account for good', 'close-account'],
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

describe('matcher clarifies', () => {
  it('asks which password when the question does not say', () => {
    const result = matcher.match('i forgot my password');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(
      expect.arrayContaining(['root-password-reset', 'iam-password-reset', 'identity-center-password-reset']),
    );
    expect(result.candidates.length).toBeLessThanOrEqual(4);
  });

  it('asks which case a plain "locked out" is', () => {
    const result = matcher.match('locked out of the aws console');
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toContain('wrong-signin-page');
  });
});

describe('matcher falls back', () => {
  it.each([
    'how do I add a lifecycle rule to an s3 bucket',
    'forgot my spotify password',
    'my github 2fa app is on my old phone',
    'good afternoon everyone',
    'zxcv qwop',
  ])('"%s" gets the fallback', (question) => {
    expect(matcher.match(question).kind).toBe('fallback');
  });
});

describe('decide', () => {
  const topic = (id: string) => corpus.byId.get(id) as Topic;
  const noGroup = { clarifyGroup: null, foreignTerms: 0, anchored: false, termVotes: [{ weight: 1, shares: [] }] };

  it('falls back when nothing scores enough, unless one topic leads clearly', () => {
    const low = [{ topic: topic('close-account'), score: DEFAULT_THRESHOLDS.minScore - 0.01 }];
    expect(decide(low, DEFAULT_THRESHOLDS, noGroup).kind).toBe('answer');
    const lowAndClose = [...low, { topic: topic('report-fraud'), score: DEFAULT_THRESHOLDS.minScore - 0.02 }];
    expect(decide(lowAndClose, DEFAULT_THRESHOLDS, noGroup).kind).not.toBe('answer');
    const tiny = [{ topic: topic('close-account'), score: DEFAULT_THRESHOLDS.minClearScore / 2 }];
    expect(decide(tiny, DEFAULT_THRESHOLDS, noGroup).kind).toBe('fallback');
    expect(decide(low, DEFAULT_THRESHOLDS, { ...noGroup, foreignTerms: 1 }).kind).toBe('fallback');
    expect(decide(low, DEFAULT_THRESHOLDS, { ...noGroup, foreignTerms: 1, anchored: true }).kind).toBe('answer');
  });

  it('answers a detailed question that leans one way, and asks about a vague one', () => {
    const ranking = [
      { topic: topic('find-account-id'), score: 0.6 },
      { topic: topic('iam-password-reset'), score: 0.42 },
    ];
    const vague = { clarifyGroup: null, foreignTerms: 0, anchored: false, termVotes: [{ weight: 0.5, shares: [] }] };
    const detailed = {
      clarifyGroup: null,
      foreignTerms: 0,
      anchored: false,
      termVotes: Array(8).fill({ weight: 0.6, shares: [] }),
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
    const ranking = [{ topic: topic('no-email-access'), score: 0.5 }];
    const result = decide(ranking, DEFAULT_THRESHOLDS, {
      clarifyGroup: group,
      foreignTerms: 0,
      anchored: false,
      termVotes: [],
    });
    expect(result.kind).toBe('clarify');
    expect(ids(result)).toEqual(['no-email-access', 'wrong-signin-page', 'mfa-device-lost', 'root-password-reset']);
  });
});
