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

  it('keeps a Japanese, Chinese or Korean sentence, which is written without spaces', () => {
    const japanese = 'AWSルートユーザーのMFAデバイスが無いのでAWSルートユーザーでAWSにログイン出来なくなりました。';
    expect(textForMatching(japanese)).toBe(japanese);
    expect(textForMatching('我个人的邮箱注册的aws账户还没用就被封禁了不能登录怎么办呢')).toContain('封禁');
  });

  it('still drops a key pasted inside such a sentence', () => {
    const key = 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
    expect(textForMatching(`ログインできない ${key} です`)).toBe('ログインできない です');
  });
});

describe('a question written without spaces', () => {
  it('gets its answer: a root user who lost the MFA device, in Japanese', () => {
    const result = realAnswerPath().answerer.answer(
      'AWSルートユーザーのMFAデバイスが無いのでAWSルートユーザーでAWSにログイン出来なくなりました。紛失したMFAデバイスのSIMカードを新しいandroidに引き継いでいる場合、残念ながら新しいスマホに自動で電話認証の架電はかかってこないです。',
    );
    expect(result.outcome?.kind).toBe('answer');
    expect(result.outcome?.topic?.id).toBe('mfa-device-lost');
    expect(result.outcome?.user).toBe('root');
  });
});

describe('a very long question of emoji', () => {
  it('is cut, quoted and recorded without half an emoji at the cut', () => {
    const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // No space to cut at: the cut falls wherever the limit does, inside an emoji for one of the two.
    for (const question of [`aws${'😀'.repeat(1500)}`, `awsx${'😀'.repeat(1500)}`]) {
      const reply = realAnswerPath().answerer.answer(question);
      expect(reply.question).not.toMatch(LONE_SURROGATE);
      expect(`${reply.card.text}${JSON.stringify(reply.card.blocks)}`).not.toMatch(LONE_SURROGATE);
    }
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
