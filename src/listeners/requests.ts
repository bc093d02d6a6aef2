// What a message asks of the app before it is a question: the help card, the usage stats, or nothing at all
// ("thanks", "it worked"). The same words work wherever a person writes to the app: `/aws-signin help`, a
// mention "@AWS Sign-in help", a DM "stats". Before, only the slash command knew them: elsewhere "help"
// got "Sorry, I don't know this one" and was counted among the unanswered questions, as was "thanks".
import { noteCard } from '../cards/blocks';
import { buildHelpCard } from '../cards/build-help-card';
import { buildStatsCard, buildStatsRefusalCard } from '../cards/build-stats-card';
import type { Card } from '../cards/types';
import { toPlainQuestion } from '../text/slack-text';
import { type ListenerDeps, topicTitle } from './deps';

export type Request = 'help' | 'stats' | 'thanks';

export const THANKS_REPLY_TEXT =
  'Glad to hear it. If you get stuck again, just ask me here, or with `/aws-signin` and your question.';

const HELP_WORDS = /^(?:help|help me|-h|--help|usage|list|topics|what can you do)$/;
const STATS_WORDS = /^(?:stats?|statistics|usage stats)$/;
const THANKS_WORDS =
  /^(?:(?:thanks?|thank you|thank u|thx|ty|cheers|great|perfect|awesome|ok|okay|got it|(?:that|it) (?:worked|helped|works)|worked|solved|fixed)(?: (?:so much|a lot|again|now))?[ ,]*)+$/;

/** The request a message makes, read from its words alone (mentions, emoji and punctuation aside). */
export function requestOf(text: string): Request | undefined {
  const plain = toPlainQuestion(text);
  if (plain === '?') return 'help';
  // "fixed?" or "ok?" asks something: only a request without a question mark is thanks.
  const asks = /[?？][^\p{L}\p{N}]*$/u.test(plain);
  const words = plain
    .toLowerCase()
    .replace(/[!.。！?？,:;'’"]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length === 0 || words.length > 40) return undefined;
  if (HELP_WORDS.test(words)) return 'help';
  if (STATS_WORDS.test(words)) return 'stats';
  if (!asks && THANKS_WORDS.test(words)) return 'thanks';
  return undefined;
}

/** The card for a request; stats only for the administrators in ADMIN_USER_IDS, a polite no for others. */
export async function cardForRequest(
  request: Request,
  userId: string,
  { store, corpus, adminUserIds }: Pick<ListenerDeps, 'store' | 'corpus' | 'adminUserIds'>,
  commandName: string,
): Promise<Card> {
  if (request === 'help') return buildHelpCard(commandName);
  if (request === 'thanks') return noteCard(THANKS_REPLY_TEXT);
  return adminUserIds.has(userId)
    ? buildStatsCard(await store.stats.usage(), (id) => topicTitle(corpus, id))
    : buildStatsRefusalCard();
}
