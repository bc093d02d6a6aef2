// Property-based tests of the clean-up of Slack text: whatever arrives, it never throws, no mention or
// broadcast survives it, and it leaves single spaces and no control characters.
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { plainQuestion } from '../../src/answer/create-answerer';
import { escapeMrkdwn, quoteForSlack, toPlainQuestion } from '../../src/text/slack-text';
import { markupText } from '../helpers/secret-arbitraries';

const anyText = fc.oneof(
  markupText(3000),
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

describe('toPlainQuestion, on random input', () => {
  it('never throws, and leaves no mention, control character or double space', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const plain = toPlainQuestion(raw);
        expect(plain).not.toMatch(/<[@#!][^<>]*>/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking they are gone
        expect(plain).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\s{2,}|^\s|\s$/);
      }),
      { numRuns: 400 },
    );
  });

  // "Stays linear", without timing anything: each fragment repeated to 100,000 characters goes through
  // clean-up and both secret scans under vm's timeout, hundreds of times what a linear pass needs and far
  // less than a quadratic one takes (about 2.6 s for 100,000 characters of `&lt;!` before). The figures,
  // and the ratio between 10,000 and 100,000 characters, are printed by `npm run bench:security`.
  it('cleans and scans 100,000 characters of any repeated markup fragment, never stuck on it', () => {
    fc.assert(
      fc.property(markupText(8), (unit) => {
        const raw = unit.repeat(Math.ceil(100_000 / Math.max(1, unit.length)));
        const plain = runInNewContext('clean(raw)', { clean: plainQuestion, raw }, { timeout: 2000 }) as {
          question: string;
        };
        expect(typeof plain.question).toBe('string');
      }),
      { numRuns: 40 },
    );
  });
});

describe('escaping, on random input', () => {
  it('leaves nothing Slack would turn into a link, mention or broadcast', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 400 }), (text, max) => {
        for (const escaped of [escapeMrkdwn(text), quoteForSlack(text, max)]) {
          expect(escaped).not.toMatch(/[<>]|@(channel|here|everyone)\b|&(?!amp;|lt;|gt;)/i);
        }
        expect(quoteForSlack(text, max).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });
});
