// Lengths at the edge of the answer path: a 40,000-character message (Slack's limit) is answered, but
// what is stored (and later quoted to administrators) is cut, at a word and never inside "[redacted]".
import { createAnswerer, MAX_QUESTION_CHARS } from '../../src/answer/create-answerer';
import type { NewQuestion, QuestionLog } from '../../src/store/types';
import { REDACTED } from '../../src/text/secrets';
import { realAnswerPath } from '../helpers/corpus';

function recordingAnswerer() {
  const recorded: NewQuestion[] = [];
  const questions: QuestionLog = {
    record: (question) => recorded.push(question),
    get: async () => undefined,
    whyMissing: () => 'unsaved' as const,
  };
  const { corpus, matcher } = realAnswerPath();
  return { answerer: createAnswerer({ corpus, matcher, cardContext: {}, questions }), recorded };
}

const asker = { userId: 'U0PERSON01', surface: 'dm' as const };

describe('how much of a question is kept', () => {
  it('a 40,000-character message is answered and stored cut to the limit, at a word, marked with …', () => {
    const { answerer, recorded } = recordingAnswerer();
    const reply = answerer.answer(`I lost my MFA device ${'and then some more words '.repeat(1600)}`, { asker });
    expect(reply.outcome?.topic?.id).toBe('mfa-device-lost');
    const stored = recorded[0]?.question ?? '';
    expect(stored.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 1);
    expect(stored).toMatch(/^I lost my MFA device (and then some more words )*(and|then|some|more|words)…$/);
  });

  it('a long question in a language written without spaces keeps its 2,000 characters, and is matched on them', () => {
    const { answerer, recorded } = recordingAnswerer();
    // "AWS " then Japanese for "I lost the MFA device (phone) and cannot sign in", over and over.
    const japanese = 'MFAデバイスのスマホをなくしてサインインできません。'.repeat(120);
    const reply = answerer.answer(`AWS ${japanese}`, { asker });
    const stored = recorded[0]?.question ?? '';
    expect(stored.length).toBeGreaterThan(MAX_QUESTION_CHARS - 50);
    expect(stored.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 1);
    expect(stored.endsWith('…')).toBe(true);
    expect(reply.outcome?.topic?.id).toBe(answerer.answer(japanese).outcome?.topic?.id);
    expect(reply.outcome?.kind).toBe('answer');
  });

  it('a cut never leaves half a [redacted] mark, and never a secret', () => {
    const { answerer, recorded } = recordingAnswerer();
    const filler = 'x '.repeat((MAX_QUESTION_CHARS - 30) / 2);
    answerer.answer(`I lost my MFA device ${filler} AKIAIOSFODNN7EXAMPLE pw: hunter2 more`, { asker });
    const stored = recorded[0]?.question ?? '';
    expect(stored).not.toMatch(/\[(?![^\]]*\])|AKIA|hunter2/);
    expect(stored.endsWith('…')).toBe(true);
    expect(REDACTED).toBe('[redacted]');
  });
});
