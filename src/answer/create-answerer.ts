// The one answer path: question text in, card out. Slack listeners and the offline `ask` command both
// call this, so what the terminal shows is what Slack would show.
import { buildAnswerCard } from '../cards/build-answer-card';
import { buildClarifyCard } from '../cards/build-clarify-card';
import { buildFallbackCard, buildTopicMenuCard } from '../cards/build-fallback-card';
import { buildSecretWarningCard } from '../cards/build-secret-warning-card';
import { buildStillStuckCard, CONTACT_SUPPORT_TOPIC } from '../cards/build-still-stuck-card';
import type { TopicRef } from '../cards/ids';
import type { Card, CardContext } from '../cards/types';
import type { Corpus } from '../knowledge/load-knowledge';
import type { Topic } from '../knowledge/schema';
import type { Matcher, MatchResult } from '../matching/matcher';
import { REDACTED, redactSecrets, type SecretKind } from '../text/secrets';
import { toPlainQuestion } from '../text/slack-text';

export interface Reply {
  /** The question as matched and as it may be shown or stored: Slack markup gone, secrets redacted. */
  question: string;
  /** null when there was no question (the topic menu). */
  outcome: MatchResult | null;
  card: Card;
  /** Found secrets, for the private warning; never the secrets themselves. */
  secrets: SecretKind[];
  secretWarning: Card | null;
}

/** Matching reads at most this much of a question: more than any real question needs, and it bounds the work one message can cost. */
export const MAX_MATCHED_CHARS = 400;
/** Runs of letters and digits longer than this are keys, hashes or noise: no word the matcher knows is that long. */
export const MAX_WORD_CHARS = 24;
const OVERLONG_WORD = new RegExp(`[\\p{L}\\p{N}]{${MAX_WORD_CHARS + 1},}`, 'gu');

/**
 * The part of a question the matcher reads. Typo correction costs grow with every unknown word and its
 * length, so a pasted log or a 5,000-character line must not reach it whole; and "[redacted]", where a
 * secret was, is not a word the person wrote.
 */
export function textForMatching(question: string): string {
  const words = question.replaceAll(REDACTED, ' ').replace(OVERLONG_WORD, ' ').replace(/\s+/g, ' ').trim();
  if (words.length <= MAX_MATCHED_CHARS) return words;
  return words.slice(0, MAX_MATCHED_CHARS).replace(/\s+\S*$/, '');
}

export interface CardOptions {
  /** Offer "Share in channel" (private replies). */
  shareable?: boolean;
}

export interface Answerer {
  answer(rawText: string, options?: CardOptions): Reply;
  /** A topic's card (or one user-kind variant of it); null when the topic or kind does not exist. */
  topicCard(ref: TopicRef, options?: CardOptions): Card | null;
  stillStuckCard(ref: TopicRef): Card | null;
  menuCard(): Card;
}

export function createAnswerer(deps: { corpus: Corpus; matcher: Matcher; cardContext: CardContext }): Answerer {
  const { corpus, matcher, cardContext } = deps;
  const related = (topic: Topic): Topic[] =>
    topic.related.map((id) => corpus.byId.get(id)).filter((other): other is Topic => other !== undefined);

  function resolve(ref: TopicRef) {
    const topic = corpus.byId.get(ref.topicId);
    if (!topic) return null;
    if (!ref.kind) return { topic, userKind: undefined };
    const userKind = topic.user_kinds?.find((choice) => choice.kind === ref.kind);
    return userKind ? { topic, userKind } : null;
  }

  function topicCard(ref: TopicRef, options: CardOptions = {}): Card | null {
    const found = resolve(ref);
    if (!found) return null;
    // A user-kind choice that points at another topic opens that topic.
    if (found.userKind?.topic) return topicCard({ topicId: found.userKind.topic }, options);
    return buildAnswerCard(found.topic, {
      context: cardContext,
      related: related(found.topic),
      userKind: found.userKind,
      shareable: options.shareable,
    });
  }

  return {
    answer(rawText, options = {}) {
      const { text: question, found: secrets } = redactSecrets(toPlainQuestion(rawText));
      const secretWarning = secrets.length > 0 ? buildSecretWarningCard(secrets) : null;
      if (!/[\p{L}\p{N}]/u.test(question)) {
        return {
          question,
          outcome: null,
          card: buildTopicMenuCard(corpus.topics, cardContext),
          secrets,
          secretWarning,
        };
      }
      const outcome = matcher.match(textForMatching(question));
      let card: Card;
      if (outcome.kind === 'answer' && outcome.topic) {
        card = topicCard({ topicId: outcome.topic.id }, options) as Card;
      } else if (outcome.kind === 'clarify') {
        card = buildClarifyCard(outcome.candidates, question);
      } else {
        card = buildFallbackCard(corpus.topics, cardContext, question);
      }
      return { question, outcome, card, secrets, secretWarning };
    },
    topicCard,
    stillStuckCard(ref) {
      const found = resolve(ref);
      if (!found) return null;
      const escalation = found.userKind?.escalation ?? found.topic.escalation;
      return buildStillStuckCard(found.topic, escalation, cardContext, corpus.byId.get(CONTACT_SUPPORT_TOPIC));
    },
    menuCard: () => buildTopicMenuCard(corpus.topics, cardContext),
  };
}
