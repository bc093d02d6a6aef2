// The answer path records each question's outcome in a real SQLite file, and the card's buttons carry
// the question's id; without a question log (the offline command) nothing is recorded and no id is shown.
import { createAnswerer } from '../../src/answer/create-answerer';
import { BLOCK, decodeTopicRef } from '../../src/cards/ids';
import type { Card } from '../../src/cards/types';
import type { QuestionLog } from '../../src/store/types';
import { ORG_CONTEXT, realAnswerPath } from '../helpers/corpus';
import { type TempStore, tempStore } from '../helpers/temp-store';

const { corpus, matcher } = realAnswerPath();
const asker = { userId: 'U0ASKER01', surface: 'command' as const, channelId: 'C0CHANNEL1' };
let temp: TempStore;
beforeEach(async () => {
  temp = await tempStore();
});
afterEach(() => temp.cleanup());

const answererWith = (questions?: QuestionLog, onRecordError?: (error: unknown) => void) =>
  createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT, questions, onRecordError });
const valuesIn = (card: Card, blockId: string) => {
  const block = card.blocks.find((b) => b.block_id === blockId);
  if (block?.type !== 'actions') return [];
  return block.elements.map((e) =>
    e.type === 'button' ? e.value : e.type === 'static_select' ? e.option_groups?.[0]?.options[0]?.value : undefined,
  );
};

describe('recording answers', () => {
  it('stores the outcome and puts the question id on the card', async () => {
    const reply = answererWith(temp.store.questions).answer('I lost my MFA phone and cannot sign in', { asker });
    expect(reply.questionId).toBeDefined();
    const stored = await temp.store.questions.get(reply.questionId as number);
    expect(stored).toMatchObject({
      userId: 'U0ASKER01',
      surface: 'command',
      channelId: 'C0CHANNEL1',
      question: 'I lost my MFA phone and cannot sign in',
      kind: 'answer',
      topicId: 'mfa-device-lost',
    });
    expect(stored?.confidence).toBeCloseTo(reply.outcome?.confidence ?? -1);
    expect(valuesIn(reply.card, BLOCK.feedback).map((v) => decodeTopicRef(v)?.questionId)).toEqual([
      reply.questionId,
      reply.questionId,
    ]);
  });

  it('stores the question without the secret in it', async () => {
    const reply = answererWith(temp.store.questions).answer('root login fails, my password is Hunter2! help', {
      asker,
    });
    const stored = await temp.store.questions.get(reply.questionId as number);
    expect(stored?.question).toContain('[redacted]');
    expect(stored?.question).not.toContain('Hunter2');
  });

  it('stores a clarify and a fallback with no topic, and their choices carry the question id', async () => {
    const answerer = answererWith(temp.store.questions);
    const clarify = answerer.answer('forgot my password', { asker });
    expect(await temp.store.questions.get(clarify.questionId as number)).toMatchObject({
      kind: 'clarify',
      topicId: null,
    });
    for (const value of valuesIn(clarify.card, BLOCK.choices)) {
      expect(decodeTopicRef(value)?.questionId).toBe(clarify.questionId);
    }
    const fallback = answerer.answer('how do I create an S3 bucket with versioning?', { asker });
    expect(await temp.store.questions.get(fallback.questionId as number)).toMatchObject({
      kind: 'fallback',
      topicId: null,
    });
    expect(decodeTopicRef(valuesIn(fallback.card, BLOCK.topicMenu)[0])?.questionId).toBe(fallback.questionId);
  });

  it('stores a fallback with nearest topics as a fallback, and its nearest topics carry the question id', async () => {
    const post =
      'Honestly exhausted. Rebuilt my laptop over the weekend, reinstalled everything, and the AWS console keeps ' +
      'refusing me at the very last step where it wants the code from the app that lived on my old Pixel.';
    const reply = answererWith(temp.store.questions).answer(post, { asker });
    expect(await temp.store.questions.get(reply.questionId as number)).toMatchObject({
      kind: 'fallback',
      topicId: null,
    });
    const nearest = valuesIn(reply.card, BLOCK.choices).map((value) => decodeTopicRef(value));
    expect(nearest.map((ref) => ref?.topicId)).toContain('mfa-device-lost');
    for (const ref of nearest) expect(ref?.questionId).toBe(reply.questionId);
  });

  it('a clarify choice opens the topic for the same question, without recording it again', async () => {
    const answerer = answererWith(temp.store.questions);
    const clarify = answerer.answer('forgot my password', { asker });
    const card = answerer.topicCard(
      { topicId: 'iam-password-reset', questionId: clarify.questionId },
      { asker },
    ) as Card;
    expect(decodeTopicRef(valuesIn(card, BLOCK.feedback)[0])?.questionId).toBe(clarify.questionId);
    expect(await temp.store.questions.get((clarify.questionId as number) + 1)).toBeUndefined();
  });

  it('records a topic picked with no question as picked, not typed', async () => {
    const card = answererWith(temp.store.questions).topicCard(
      { topicId: 'find-account-id' },
      { asker: { userId: 'U0ASKER01', surface: 'home' } },
    ) as Card;
    const id = decodeTopicRef(valuesIn(card, BLOCK.feedback)[0])?.questionId as number;
    expect(await temp.store.questions.get(id)).toMatchObject({
      question: null,
      surface: 'home',
      topicId: 'find-account-id',
    });
  });

  it('records nothing and shows no id without a question log or without an asker', async () => {
    const offline = answererWith().answer('I lost my MFA phone', { asker });
    expect(offline.questionId).toBeUndefined();
    expect(valuesIn(offline.card, BLOCK.feedback)).toEqual([]);
    const anonymous = answererWith(temp.store.questions).answer('I lost my MFA phone');
    expect(anonymous.questionId).toBeUndefined();
    expect((await temp.store.stats.usage()).questions).toBe(0);
  });

  it('still answers when the database fails, without the buttons, and reports why', async () => {
    const errors: unknown[] = [];
    await temp.store.close();
    const reply = answererWith(temp.store.questions, (error) => errors.push(error)).answer('I lost my MFA phone', {
      asker,
    });
    expect(reply.card.blocks[0]?.type).toBe('header');
    expect(reply.questionId).toBeUndefined();
    expect(valuesIn(reply.card, BLOCK.feedback)).toEqual([]);
    expect(String(errors[0])).toMatch(/store is closed/);
  });
});
