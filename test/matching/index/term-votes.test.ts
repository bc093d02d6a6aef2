// The sparse vote table: each term lists only the topics that use it, and what a term says does not
// depend on how many other topics the corpus has.
import type { PhraseRecord } from '../../../src/matching/index/phrase-record';
import { buildTermVotes, REFERENCE_TOPICS } from '../../../src/matching/index/term-votes';

/** One topic more than the reference corpus, so a word in every one of them is in every reference topic too. */
const BASE = REFERENCE_TOPICS + 1;

const record = (topicIndex: number, ...terms: string[]): PhraseRecord => ({ topicIndex, terms });

/** A small corpus, then the same with `extra` topics about something else added after it. */
function corpus(extra: number): { records: PhraseRecord[]; topicCount: number } {
  const topicCount = BASE + extra;
  const records = [
    record(0, 'captcha', 'password'),
    record(0, 'captcha'),
    record(3, 'password', 'vpn'),
    record(7, 'password'),
    ...Array.from({ length: BASE }, (_, i) => record(i, 'aws')),
    ...Array.from({ length: extra }, (_, i) => record(BASE + i, 'printer', `toner${i}`)),
  ];
  return { records, topicCount };
}

describe('buildTermVotes', () => {
  const small = corpus(0);
  const votes = buildTermVotes(small.records, small.topicCount);

  it('lists only the topics whose phrases use a term, in topic order', () => {
    expect(Array.from(votes.get('captcha')?.topics ?? [])).toEqual([0]);
    expect(Array.from(votes.get('password')?.topics ?? [])).toEqual([0, 3, 7]);
  });

  it('weighs a word one topic uses above a word three use, and a word every topic uses at almost nothing', () => {
    const captcha = votes.get('captcha')?.weight ?? 0;
    const password = votes.get('password')?.weight ?? 0;
    const aws = votes.get('aws')?.weight ?? 1;
    expect(captcha).toBeGreaterThan(password);
    expect(password).toBeGreaterThan(aws);
    expect(aws).toBeLessThan(0.01);
  });

  it('gives a term the same weight and shares when thousands of unrelated topics are added', () => {
    const large = corpus(3000);
    const grown = buildTermVotes(large.records, large.topicCount);
    for (const term of ['captcha', 'password', 'vpn']) {
      const before = votes.get(term);
      const after = grown.get(term);
      expect(after?.weight).toBeCloseTo(before?.weight ?? Number.NaN, 12);
      expect(Array.from(after?.shares ?? [])).toEqual(Array.from(before?.shares ?? []));
    }
  });
});
