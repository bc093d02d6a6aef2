// The sparse vote table: each term lists only the topics that use it, and still splits its whole vote.
import type { PhraseRecord } from '../../../src/matching/index/phrase-record';
import { buildTermVotes } from '../../../src/matching/index/term-votes';

const record = (topicIndex: number, ...terms: string[]): PhraseRecord => ({ topicIndex, terms: new Set(terms) });

describe('buildTermVotes', () => {
  const topicCount = 50;
  const records = [
    record(0, 'captcha', 'password'),
    record(0, 'captcha'),
    record(3, 'password', 'vpn'),
    record(7, 'password'),
    ...Array.from({ length: topicCount }, (_, i) => record(i, 'aws')),
  ];
  const votes = buildTermVotes(records, topicCount);

  it('lists only the topics whose phrases use a term, in topic order', () => {
    expect(Array.from(votes.get('captcha')?.topics ?? [])).toEqual([0]);
    expect(Array.from(votes.get('password')?.topics ?? [])).toEqual([0, 3, 7]);
  });

  it('hands out the whole vote: the listed shares plus every other topic’s share make one', () => {
    for (const term of ['captcha', 'password', 'vpn', 'aws']) {
      const vote = votes.get(term);
      if (!vote) throw new Error(`no vote for ${term}`);
      const listed = Array.from(vote.shares).reduce((sum, share) => sum + share, 0);
      expect(listed + (topicCount - vote.topics.length) * vote.otherShare).toBeCloseTo(1, 12);
    }
  });
});
