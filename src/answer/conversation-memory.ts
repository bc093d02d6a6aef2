// The card last given in each conversation (a person, in a DM, a channel or a thread): its topic when it
// was a topic's card, and the question it answered, so that "I'm the root user" said next can reopen it on
// the root user's steps. Kept in this process only: with several processes, the next message may reach
// another, which answers it as a question of its own.
import type { Asker } from './create-answerer';

/** How long a card given in a conversation stays what "I'm the root user" said there next is about. */
export const FOLLOW_UP_MS = 30 * 60 * 1000;
/** Conversations remembered at most (the oldest is forgotten first): a bound on memory, not a limit anyone meets. */
export const MAX_CONVERSATIONS = 10_000;

export interface LastCard {
  /** The topic whose card it was; null for a clarifying, fallback or menu card (nothing to reopen). */
  topicId: string | null;
  /** The question it answered (as recorded: redacted), when there was one. */
  question: string | null;
  at: number;
}

export interface ConversationMemory {
  remember(asker: Asker, topicId: string | null, question: string | null): void;
  /** The card given last in the asker's conversation within `FOLLOW_UP_MS`, if any. */
  lastCard(asker: Asker): LastCard | undefined;
}

export function createConversationMemory(now: () => number = Date.now): ConversationMemory {
  const cards = new Map<string, LastCard>();
  // A DM is one conversation with the person, its threads included.
  const keyOf = (asker: Asker) =>
    [asker.userId, asker.channelId ?? '', asker.surface === 'dm' ? '' : (asker.threadTs ?? '')].join('\u0000');
  return {
    remember(asker, topicId, question) {
      const key = keyOf(asker);
      cards.delete(key);
      cards.set(key, { topicId, question, at: now() });
      if (cards.size > MAX_CONVERSATIONS) cards.delete(cards.keys().next().value as string);
    },
    lastCard(asker) {
      // The cards a Home tab pick posts in the DM (remembered with no channel) are part of it too: the
      // latest of the two is the one followed.
      const keys =
        asker.surface === 'dm' ? [keyOf(asker), keyOf({ userId: asker.userId, surface: 'home' })] : [keyOf(asker)];
      const latest = keys
        .map((key) => cards.get(key))
        .reduce<LastCard | undefined>(
          (found, card) => (card && (!found || card.at > found.at) ? card : found),
          undefined,
        );
      return latest && now() - latest.at <= FOLLOW_UP_MS ? latest : undefined;
    },
  };
}
