import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MATCHED_CHARS, textForMatching } from '../../src/answer/create-answerer';
import { REDACTED } from '../../src/text/secrets';
import { realAnswerPath } from '../helpers/corpus';

function questions(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

describe('what the matcher reads', () => {
  it('keeps an ordinary question whole', () => {
    expect(textForMatching('I lost my MFA device')).toBe('I lost my MFA device');
  });

  it('cuts a long question at a word, within the limit', () => {
    const cut = textForMatching(`lost mfa ${'device '.repeat(1000)}`);
    expect(cut.length).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    expect(cut).toMatch(/^lost mfa (device )*device$/);
  });

  it('drops runs of letters too long to be words, and redaction marks', () => {
    expect(textForMatching(`lost ${'a'.repeat(6000)} mfa ${REDACTED}`)).toBe('lost mfa');
  });
});

describe('secret warnings', () => {
  const sets = [join(__dirname, '..', 'fixtures', 'dev.jsonl'), join(__dirname, '..', 'fixtures', 'holdout.jsonl')];

  it('raise no false alarm on any evaluation question', () => {
    const all = sets.flatMap(questions);
    expect(all.length).toBeGreaterThan(350);
    const alarmed = all.filter((question) => realAnswerPath().answerer.answer(question).secretWarning !== null);
    expect(alarmed).toEqual([]);
  });
});
