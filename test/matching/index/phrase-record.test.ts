// Indexing phrases: words and their adjacent pairs, each once per phrase, in the order they come.
import fc from 'fast-check';
import { indexPhrases, pairTerms, withPairs } from '../../../src/matching/index/phrase-record';

describe('indexPhrases', () => {
  it('indexes words and pairs (addWords) exactly as it indexes their list from withPairs (add)', () => {
    const word = fc.constantFrom('root', 'password', 'reset', 'mfa', 'aws', 'code', 'x');
    const phrase = fc.record({ topic: fc.nat({ max: 3 }), words: fc.array(word, { minLength: 1, maxLength: 8 }) });
    fc.assert(
      fc.property(fc.array(phrase, { maxLength: 20 }), (phrases) => {
        const sorted = [...phrases].sort((a, b) => a.topic - b.topic);
        const fromWords = indexPhrases(sorted.length);
        const fromLists = indexPhrases(sorted.length);
        const pairs = pairTerms();
        for (const { topic, words } of sorted) {
          fromWords.addWords(topic, words, pairs);
          fromLists.add(topic, withPairs(words));
        }
        const a = fromWords.done();
        const b = fromLists.done();
        expect(Array.from(a.topicOfRecord)).toEqual(Array.from(b.topicOfRecord));
        expect([...a.postings]).toEqual([...b.postings]);
      }),
      { numRuns: 500 },
    );
  });

  it('lists a phrase once under a word or pair it repeats', () => {
    const phrases = indexPhrases(1);
    phrases.addWords(0, ['reset', 'reset', 'reset'], pairTerms());
    expect([...phrases.done().postings]).toEqual([
      ['reset', [0]],
      ['reset+reset', [0]],
    ]);
  });
});
