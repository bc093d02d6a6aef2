// The one answer path: question text in, card out. Slack listeners and the offline `ask` command both
// call this, so what the terminal shows is what Slack would show. Given a question log and an asker, it
// also records each question's outcome, and the card's buttons carry the question's id (the offline
// command records nothing, so its cards have no feedback or "Ask my administrator" buttons).
import { withLeadNote } from '../cards/blocks';
import { buildAnswerCard, FOR_KIND_LINE } from '../cards/build-answer-card';
import { buildClarifyCard } from '../cards/build-clarify-card';
import { buildFallbackCard, buildTopicMenuCard } from '../cards/build-fallback-card';
import { buildSecretWarningCard } from '../cards/build-secret-warning-card';
import { buildStillStuckCard, CONTACT_SUPPORT_TOPIC } from '../cards/build-still-stuck-card';
import { buildSupportCard } from '../cards/build-support-card';
import type { TopicRef } from '../cards/ids';
import type { Card, CardContext } from '../cards/types';
import type { Corpus } from '../knowledge/load-knowledge';
import { type AskerKind, isAskerKind, type Topic } from '../knowledge/schema';
import type { Matcher, MatchResult } from '../matching/matcher';
import type { NewQuestion, OutcomeKind, QuestionLog, Surface } from '../store/types';
import { REDACTED, redactSecrets, type SecretKind } from '../text/secrets';
import { collapseSpaces, hasMarkup, sliceWhole, stripMarkup, unescapeSlack } from '../text/slack-text';

import { type ConversationMemory, createConversationMemory } from './conversation-memory';

export interface Reply {
  /** The question as matched and as it may be shown or stored: Slack markup gone, secrets redacted. */
  question: string;
  /** null when there was no question (the topic menu). */
  outcome: MatchResult | null;
  card: Card;
  /** Found secrets, for the private warning; never the secrets themselves. */
  secrets: SecretKind[];
  secretWarning: Card | null;
  /** The stored question, when it was recorded. */
  questionId?: number;
}

/** Who is asking, and where: recorded with the question. */
export interface Asker {
  userId: string;
  surface: Surface;
  channelId?: string;
  /** The thread the conversation is in (a mention's); not stored, it only tells one conversation from another. */
  threadTs?: string;
}

/** Matching reads at most this much of a question: more than any real question needs, and it bounds the work one message can cost. */
export const MAX_MATCHED_CHARS = 400;
/** Runs of letters and digits longer than this are keys, hashes or noise: no word the matcher knows is that long. */
export const MAX_WORD_CHARS = 24;
/**
 * Japanese, Chinese and Korean are written without spaces: a whole sentence is one run, and the
 * analyzer finds the words inside it. Only runs of other letters and digits are keys.
 */
const UNSPACED_LETTER = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー`;
const OVERLONG_WORD = new RegExp(`(?:(?![${UNSPACED_LETTER}])[\\p{L}\\p{N}]){${MAX_WORD_CHARS + 1},}`, 'gu');

/**
 * The part of a question the matcher reads. Typo correction costs grow with every unknown word and its
 * length, so a pasted log or a 5,000-character line must not reach it whole; and "[redacted]", where a
 * secret was, is not a word the person wrote.
 */
export function textForMatching(question: string): string {
  // The Unicode-aware pattern only where some run of 25 characters without a space could hold such a word.
  const withoutRedacted = question.replaceAll(REDACTED, ' ');
  const words = collapseSpaces(
    /\S{25}/.test(withoutRedacted) ? withoutRedacted.replace(OVERLONG_WORD, ' ') : withoutRedacted,
  ).trim();
  if (words.length <= MAX_MATCHED_CHARS) return words;
  return cutAtWordEnd(words, MAX_MATCHED_CHARS);
}

/** A cut that ends a word lands at most this far before the limit: further back, the text is cut at the limit. */
const WORD_END_REACH = 40;

/**
 * The first `max` characters, ending at a space when there is one near the end ("…my MFA" rather than
 * "…my MF"). Japanese and Chinese put no spaces between words: a long question in them is cut at the
 * limit, not back to the last space there happens to be (which left "AWS" of a 2,000-character post).
 */
function cutAtWordEnd(text: string, max: number): string {
  const cut = sliceWhole(text, max);
  const atSpace = cut.replace(/\s+\S*$/, '');
  return cut.length - atSpace.length <= WORD_END_REACH ? atSpace : cut;
}

/** Longest question kept (stored, quoted, posted to administrators): a Slack message can be 40,000 characters. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * What a person typed, as it may be matched, shown and stored: secrets are looked for in the text as
 * typed (a link's password is gone once links are reduced to their host) and again once markup is
 * stripped (code marks and mentions can split a secret's surroundings), then the text is cut to length.
 */
export function plainQuestion(rawText: string): { question: string; secrets: SecretKind[] } {
  const typed = redactSecrets(unescapeSlack(rawText));
  const stripped = stripMarkup(typed.text);
  // Without markup, stripping only evened out the spaces, which no secret pattern depends on.
  const plain = hasMarkup(typed.text) ? redactSecrets(stripped) : { text: stripped, found: [] };
  const secrets = [...new Set([...typed.found, ...plain.found])];
  const question = plain.text.length > MAX_QUESTION_CHARS ? cutQuestion(plain.text) : plain.text;
  return { question, secrets };
}

/** Cut at a word's end, never inside "[redacted]" (half a marker would read as a word the person wrote). */
function cutQuestion(text: string): string {
  const cut = sliceWhole(text, MAX_QUESTION_CHARS);
  const lastMarker = cut.lastIndexOf('[');
  const safe = lastMarker >= 0 && !cut.slice(lastMarker).includes(']') ? cut.slice(0, lastMarker) : cut;
  return `${cutAtWordEnd(safe, safe.length).trimEnd()}…`;
}

export interface CardOptions {
  /** Offer "Share in channel" (private replies). */
  shareable?: boolean;
  /** Record the question (or the topic picked) for this person, when a question log is set up. */
  asker?: Asker;
}

export interface Answerer {
  answer(rawText: string, options?: CardOptions): Reply;
  /** A topic's card (or one user-kind variant of it); null when the topic or kind does not exist. */
  topicCard(ref: TopicRef, options?: CardOptions): Card | null;
  stillStuckCard(ref: TopicRef): Card | null;
  /** "Contact AWS Support" for a topic: the form for the case, what to have ready. */
  supportCard(ref: TopicRef): Card | null;
  menuCard(): Card;
}

export interface AnswererDeps {
  corpus: Corpus;
  matcher: Matcher;
  cardContext: CardContext;
  /** Where outcomes are recorded; none offline. */
  questions?: QuestionLog;
  /** A question that could not be recorded is still answered (without its buttons); this hears why. */
  onRecordError?: (error: unknown) => void;
  /** The card last given in each conversation, for "I'm the root user" said next; one of its own if not given. */
  conversations?: ConversationMemory;
}

/**
 * Whether a message that only names a kind says who the person is ("I'm the root user", "root user here",
 * "we use okta") rather than asks about that kind ("who has the root user?", "how do I sign in as root",
 * "what's an IAM user", "I'll ask the root user").
 */
const ASKS_ABOUT_A_KIND =
  /\?|\b(?:who|what|whats|how|which|why|when|where|whether|if|can|could|should|would|will|shall|ask|asking|know|tell|try|trying|need|want|wants|find|get)\b|\b(?:am|are|is|do|does|did)\s+(?:i|we|you|it|they|there)\b|\b(?:i|we)['’]?ll\b/i;
const saysWhoTheyAre = (question: string): boolean => !ASKS_ABOUT_A_KIND.test(question);

/** The question a follow-up refines, and the follow-up, as one recorded question. */
function joinFollowUp(earlier: string, followUp: string): string {
  const joined = `${earlier} … ${followUp}`;
  return joined.length > MAX_QUESTION_CHARS ? cutQuestion(joined) : joined;
}

/**
 * The lead of a card reopened on the kind a person just named: "Here it is again, for the root user." When
 * that kind is sent to another topic (a root user needs no account ID: the sign-in page topic), it says so.
 */
export function followUpNote(kind: AskerKind, sameTopic: boolean): string {
  const forKind = FOR_KIND_LINE[kind];
  const lowered = `${forKind.charAt(0).toLowerCase()}${forKind.slice(1)}`;
  return sameTopic
    ? `:point_right: Here it is again, ${lowered}.`
    : `:point_right: ${forKind}, this is the one that fits.`;
}

const shownKind = (outcome: MatchResult): OutcomeKind =>
  outcome.kind === 'answer' && outcome.topic ? 'answer' : outcome.kind === 'clarify' ? 'clarify' : 'fallback';

export function createAnswerer(deps: AnswererDeps): Answerer {
  const { corpus, matcher, cardContext, questions } = deps;
  const related = (topic: Topic): Topic[] =>
    topic.related.map((id) => corpus.byId.get(id)).filter((other): other is Topic => other !== undefined);
  /**
   * A topic's related topics, as a card for this kind of user offers them. AWS Support helps the root user
   * with signing in, never an IAM, Identity Center or federated user (their administrator or identity
   * provider does): a card for one of those does not point them at AWS Support.
   */
  const relatedFor = (topic: Topic, kind: AskerKind | undefined): Topic[] =>
    related(topic).filter((other) => !(kind && kind !== 'root' && other.id === CONTACT_SUPPORT_TOPIC));

  /** The topic and, when the ref names a kind it has steps or a pointer for, that kind's variant. */
  function resolve(ref: TopicRef) {
    const topic = corpus.byId.get(ref.topicId);
    if (!topic) return null;
    const userKind = ref.kind ? topic.user_kinds?.find((choice) => choice.kind === ref.kind) : undefined;
    return { topic, userKind };
  }

  const conversations = deps.conversations ?? createConversationMemory();
  /** The topic answered last in this conversation, when it has steps (or a topic) for `kind`, and its question. */
  function earlierAnswerFor(asker: Asker | undefined, kind: AskerKind) {
    const earlier = asker && conversations.lastCard(asker);
    const topic = earlier?.topicId ? corpus.byId.get(earlier.topicId) : undefined;
    if (!earlier || !topic?.user_kinds?.some((choice) => choice.kind === kind)) return undefined;
    return { topic, question: earlier.question };
  }

  function record(asker: Asker | undefined, outcome: Omit<NewQuestion, 'userId' | 'surface' | 'channelId'>) {
    if (!questions || !asker) return undefined;
    const { threadTs: _notStored, ...where } = asker;
    try {
      return questions.record({ ...where, ...outcome });
    } catch (error) {
      deps.onRecordError?.(error);
      return undefined;
    }
  }

  /**
   * The topic a ref's card shows, and the kind's steps there: the topic itself, or the one its kind is
   * pointed at (a root user asking for an account ID is shown the sign-in page topic). One hop only.
   */
  function shownFor(ref: TopicRef) {
    const found = resolve(ref);
    if (!found) return null;
    if (!found.userKind?.topic) return { found, shown: found.topic, variant: found.userKind };
    const target = corpus.byId.get(found.userKind.topic);
    return {
      found,
      shown: target ?? found.topic,
      variant: target?.user_kinds?.find((choice) => choice.kind === ref.kind && choice.steps),
    };
  }

  /**
   * A topic's card. With a kind of user (picked, or named in the question), it opens on that kind's steps
   * where the topic has them, or on the topic the kind is pointed at ("I'm an IAM user" on a federated
   * password question: the IAM password topic), and says whom it is for. A kind the topic has nothing
   * for gets the card for everyone, and its buttons still carry the kind.
   */
  function topicCard(ref: TopicRef, options: CardOptions = {}): Card | null {
    const resolved = shownFor(ref);
    if (!resolved) return null;
    const { found, shown, variant } = resolved;
    const askerKind = isAskerKind(ref.kind) ? ref.kind : undefined;
    const ownSteps = variant?.steps !== undefined;
    const forKind =
      askerKind && (ownSteps || shown !== found.topic) ? { kind: askerKind, othersTopicId: found.topic.id } : undefined;
    // A topic picked with no question behind it (from the Home tab or a menu) is recorded as picked, untyped.
    if (options.asker) conversations.remember(options.asker, found.topic.id, null);
    const questionId =
      ref.questionId ??
      record(options.asker, {
        question: null,
        kind: 'answer',
        topicId: shown.id,
        confidence: 1,
        ...(askerKind ? { userKind: askerKind } : {}),
      });
    return buildAnswerCard(shown, {
      context: cardContext,
      related: relatedFor(shown, askerKind),
      userKind: ownSteps ? variant : undefined,
      forKind,
      askerKind,
      shareable: options.shareable,
      questionId,
      askerId: ref.askerId ?? options.asker?.userId,
    });
  }

  return {
    answer(rawText, options = {}) {
      const { question, secrets } = plainQuestion(rawText);
      const posted = options.asker?.surface !== 'command';
      const secretWarning = secrets.length > 0 ? buildSecretWarningCard(secrets, { posted }) : null;
      if (!/[\p{L}\p{N}]/u.test(question)) {
        if (options.asker) conversations.remember(options.asker, null, null);
        return {
          question,
          outcome: null,
          card: buildTopicMenuCard(corpus.topics, cardContext, options.asker?.userId),
          secrets,
          secretWarning,
        };
      }
      const asked = matcher.match(textForMatching(question));
      // "I'm the root user" right after an answer: that answer again, on the root user's steps.
      const earlier =
        asked.onlyWho && asked.user && saysWhoTheyAre(question)
          ? earlierAnswerFor(options.asker, asked.user)
          : undefined;
      const matched: MatchResult = earlier ? { ...asked, kind: 'answer', topic: earlier.topic, confidence: 1 } : asked;
      const kind = shownKind(matched);
      const user = matched.user ?? undefined;
      // Recorded with the question it follows, so an administrator asked for help reads the whole of it.
      const recorded = earlier?.question ? joinFollowUp(earlier.question, question) : question;
      if (options.asker)
        conversations.remember(options.asker, kind === 'answer' ? (matched.topic?.id ?? null) : null, recorded);
      // The answer is the topic whose card the person gets: recorded, and reported, as that one.
      const shown = kind === 'answer' && matched.topic ? shownFor({ topicId: matched.topic.id, kind: user }) : null;
      const outcome = shown && shown.shown !== matched.topic ? { ...matched, topic: shown.shown } : matched;
      const questionId = record(options.asker, {
        question: recorded,
        kind,
        topicId: kind === 'answer' ? (outcome.topic?.id ?? null) : null,
        confidence: outcome.confidence,
        ...(user ? { userKind: user } : {}),
      });
      let card: Card;
      if (kind === 'answer' && matched.topic) {
        // Already recorded above: the topic card must not record it again as a pick. Built from the topic
        // matched, so its "Not the root user?" button opens that topic's card for everyone.
        card = topicCard(
          { topicId: matched.topic.id, kind: user, questionId, askerId: options.asker?.userId },
          { shareable: options.shareable },
        ) as Card;
        if (earlier && user) card = withLeadNote(card, followUpNote(user, outcome.topic === earlier.topic));
      } else if (kind === 'clarify') {
        card = buildClarifyCard(outcome.candidates, question, questionId, {
          twoProblems: outcome.twoProblems,
          kind: user,
          allTopics: corpus.topics,
          askerId: options.asker?.userId,
        });
      } else {
        card = buildFallbackCard(corpus.topics, cardContext, question, questionId, {
          nearest: outcome.suggestions,
          kind: user,
          askerId: options.asker?.userId,
        });
      }
      return { question, outcome, card, secrets, secretWarning, ...(questionId !== undefined ? { questionId } : {}) };
    },
    topicCard,
    stillStuckCard(ref) {
      const found = resolve(ref);
      if (!found) return null;
      const escalation = found.userKind?.escalation ?? found.topic.escalation;
      const { topicId: _shown, ...answering } = ref;
      return buildStillStuckCard(
        found.topic,
        escalation,
        cardContext,
        corpus.byId.get(CONTACT_SUPPORT_TOPIC),
        answering,
      );
    },
    supportCard(ref) {
      const found = resolve(ref);
      return found ? buildSupportCard(found.topic) : null;
    },
    menuCard: () => buildTopicMenuCard(corpus.topics, cardContext),
  };
}
