// Property-based tests of the secret scanner: any text is scanned without an error, and a generated
// secret of every known shape, pasted anywhere in a question (as Slack delivers it, escaped), never comes out.
import fc from 'fast-check';
import { plainQuestion } from '../../src/answer/create-answerer';
import { redactSecrets } from '../../src/text/secrets';
import { anySecret, fillerText, markupText, secretArbitraries } from '../helpers/secret-arbitraries';

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('secret scanner, on random input', () => {
  it('never throws, and finds nothing in text with no secret shape', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 2000 }), markupText(2000), fc.string({ unit: 'grapheme', maxLength: 500 })),
        (text) => {
          const { text: out, found } = redactSecrets(text);
          expect(typeof out).toBe('string');
          if (found.length === 0) expect(out).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(secretArbitraries))('never lets a generated %s through', (kind) => {
    const secret = secretArbitraries[kind as keyof typeof secretArbitraries];
    fc.assert(
      fc.property(
        fillerText,
        secret,
        fillerText,
        fc.constantFrom(' ', '\n', ' `', ': '),
        (before, generated, after, gap) => {
          const closing = gap === ' `' ? '` ' : ' ';
          const message = `${before}${gap}${generated.pasted}${closing}${after}`;
          const { question, secrets } = plainQuestion(slackEscape(message));
          expect(secrets).toContain(generated.kind);
          expect(question).not.toContain(generated.secret);
          expect(redactSecrets(message).text).not.toContain(generated.secret);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never lets any of several secrets in one message through', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fillerText, anySecret), { minLength: 2, maxLength: 5 }), (parts) => {
        const message = parts.map(([words, generated]) => `${words} ${generated.pasted}`).join('\n');
        const { question } = plainQuestion(slackEscape(message));
        for (const [, generated] of parts) expect(question).not.toContain(generated.secret);
      }),
      { numRuns: 150 },
    );
  });
});
