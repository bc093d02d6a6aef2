// The answer path's memory of the card last given in each conversation, for "I'm the root user" said next.

import { createConversationMemory, FOLLOW_UP_MS, MAX_CONVERSATIONS } from '../../src/answer/conversation-memory';
import type { Asker } from '../../src/answer/create-answerer';

const person = (n: number): Asker => ({ userId: `U${n}`, surface: 'dm', channelId: `D${n}` });

describe('the conversation memory', () => {
  it('forgets the oldest conversation first, past its bound, and keeps the rest', () => {
    const memory = createConversationMemory(() => 0);
    for (let n = 0; n <= MAX_CONVERSATIONS; n++) memory.remember(person(n), 'mfa-device-lost', null);
    expect(memory.lastCard(person(0))).toBeUndefined();
    expect(memory.lastCard(person(1))?.topicId).toBe('mfa-device-lost');
    expect(memory.lastCard(person(MAX_CONVERSATIONS))?.topicId).toBe('mfa-device-lost');
  });

  it('keeps a conversation spoken in again as the newest, so it is not the one forgotten', () => {
    const memory = createConversationMemory(() => 0);
    for (let n = 0; n < MAX_CONVERSATIONS; n++) memory.remember(person(n), 'mfa-device-lost', null);
    memory.remember(person(0), 'find-account-id', null);
    memory.remember(person(MAX_CONVERSATIONS), 'mfa-device-lost', null);
    expect(memory.lastCard(person(0))?.topicId).toBe('find-account-id');
    expect(memory.lastCard(person(1))).toBeUndefined();
  });

  it('forgets a card after the follow-up window', () => {
    let clock = 0;
    const memory = createConversationMemory(() => clock);
    memory.remember(person(1), 'mfa-device-lost', 'I lost my MFA phone');
    clock = FOLLOW_UP_MS;
    expect(memory.lastCard(person(1))?.question).toBe('I lost my MFA phone');
    clock = FOLLOW_UP_MS + 1;
    expect(memory.lastCard(person(1))).toBeUndefined();
  });
});
