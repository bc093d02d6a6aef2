// What the app keeps: each question's outcome, feedback on answers, and escalations to a human.
// Plain interfaces, so listeners get them through deps and tests can use a real file in a temp dir.
import type { AskerKind } from '../knowledge/schema';

/** Where a question came from. */
export type Surface = 'command' | 'mention' | 'dm' | 'home';
export type OutcomeKind = 'answer' | 'clarify' | 'fallback';

export interface NewQuestion {
  userId: string;
  surface: Surface;
  channelId?: string;
  /** As typed minus any detected secret; null when the person picked a topic without typing anything. */
  question: string | null;
  kind: OutcomeKind;
  topicId: string | null;
  confidence: number;
  /** The kind of user the question said is asking (or the card was opened for), when it said one. */
  userKind?: AskerKind;
}

export interface QuestionRecord extends NewQuestion {
  id: number;
  /** Milliseconds since the epoch. */
  askedAt: number;
}

export interface QuestionLog {
  /** Saves a question's outcome and returns its id, which the card's buttons carry. */
  record(question: NewQuestion): number;
  get(id: number): QuestionRecord | undefined;
}

export interface FeedbackKey {
  questionId: number;
  userId: string;
  /** The topic of the card the feedback was given on (a clarified question can be shown several). */
  topicId: string;
}

export interface FeedbackInput extends FeedbackKey {
  helpful: boolean;
  /** What was missing, from the "Not helpful" form (secrets already redacted). */
  missing?: string;
}

export interface FeedbackRecord extends FeedbackKey {
  helpful: boolean;
  missing: string | null;
  updatedAt: number;
}

export interface FeedbackLog {
  /** One answer per person, question and topic: a later click or form replaces the earlier one. False when the question is unknown. */
  save(feedback: FeedbackInput): boolean;
  get(key: FeedbackKey): FeedbackRecord | undefined;
}

export type EscalationState = 'open' | 'claimed' | 'resolved';

export interface NewEscalation {
  questionId: number;
  /** Who pressed "Ask my administrator". */
  requesterId: string;
  topicId: string;
  userKind?: string;
  /** Where the card was: a channel, a DM, or a private reply in a channel. */
  originChannelId?: string;
  permalink?: string;
}

export interface EscalationRecord extends NewEscalation {
  id: number;
  /** The question as stored (redacted), null for a topic picked from a list; and who asked it. */
  question: string | null;
  askedBy: string;
  state: EscalationState;
  createdAt: number;
  claimedBy?: string;
  claimedAt?: number;
  resolvedBy?: string;
  resolvedAt?: number;
  /** The post in the escalation channel, once made. */
  post?: { channelId: string; ts: string };
}

export type Transition =
  | { result: 'changed'; escalation: EscalationRecord }
  /** Nothing to do: already in that state, or claimed by someone else. */
  | { result: 'unchanged'; escalation: EscalationRecord }
  | { result: 'not-found' };

export interface EscalationLog {
  /** Opens an escalation, once per person and question: `created` is false for a repeat click. */
  open(escalation: NewEscalation): { escalation: EscalationRecord; created: boolean };
  attachPost(id: number, post: { channelId: string; ts: string }): void;
  /** Forgets an escalation whose post could not be made, so the person can try again. */
  withdraw(id: number): void;
  claim(id: number, userId: string): Transition;
  resolve(id: number, userId: string): Transition;
  get(id: number): EscalationRecord | undefined;
}

export interface UsageStats {
  since: number;
  until: number;
  /** Questions typed in the window (topics picked from a list are not questions). */
  questions: number;
  kinds: Record<OutcomeKind, number>;
  /** Questions that said which kind of user was asking, per kind (the rest said none). */
  userKinds?: Record<AskerKind, number>;
  /** Per topic shown, most rated first. */
  helpfulByTopic: Array<{ topicId: string; helpful: number; total: number }>;
  /** Not resolved yet, whenever opened; `claimed` of them have someone on it. */
  openEscalations: number;
  claimedEscalations: number;
  /** Fallback questions, the same wording counted together, most frequent first. */
  unanswered: Array<{ question: string; count: number }>;
  /** The latest "what was missing" notes. */
  missing: Array<{ topicId: string; text: string }>;
}

export interface StatsReader {
  usage(options?: { days?: number }): UsageStats;
}

export interface Store {
  questions: QuestionLog;
  feedback: FeedbackLog;
  escalations: EscalationLog;
  stats: StatsReader;
  close(): void;
}
