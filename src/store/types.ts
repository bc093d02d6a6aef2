// What the app keeps: each question's outcome, feedback on answers, escalations to a human, and which
// Slack events were already answered. One interface, two backends (store/sqlite/, store/postgres/):
// listeners get it through deps, and tests run one suite against both. Everything but `record` is
// async and may reject when the database is unreachable: callers tell the person it was not saved.
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
  /**
   * Queues a question's outcome for saving and returns its id at once (the card's buttons carry it; an
   * answer never waits for the database). Ids are never handed out twice, by any process, ever.
   * Throws only when no id can be had (the database was unreachable for long): answer without buttons.
   */
  record(question: NewQuestion): number;
  get(id: number): Promise<QuestionRecord | undefined>;
  /**
   * Why a question `get` did not find is missing: `lost` when the database refused it here; `deleted`
   * when it can be old enough for the retention period to have removed it; otherwise `unsaved` (another
   * replica has not written it yet), which a person is told as such, never as deleted.
   */
  whyMissing(id: number): 'lost' | 'deleted' | 'unsaved';
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
  /**
   * One answer per person, question and topic: a later click or form replaces the earlier one. Resolves
   * false when the question is unknown; rejects when it could not be saved (say so, never thank).
   */
  save(feedback: FeedbackInput): Promise<boolean>;
  get(key: FeedbackKey): Promise<FeedbackRecord | undefined>;
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
  /**
   * Opens an escalation, once per person and question: `created` is false for a repeat click. `created`
   * means "post it now": also true for an escalation whose earlier post never happened (the process was
   * killed while posting) once that attempt's lease has run out, so nobody waits on a post that never came.
   */
  open(escalation: NewEscalation): Promise<{ escalation: EscalationRecord; created: boolean }>;
  /** Records where the escalation was posted; with `ifNone`, only when no post is recorded yet. */
  attachPost(id: number, post: { channelId: string; ts: string }, options?: { ifNone?: boolean }): Promise<void>;
  /** Forgets an escalation whose post could not be made, so the person can try again. */
  withdraw(id: number): Promise<void>;
  /** One winner: of two administrators claiming at once, across replicas, exactly one gets `changed`. */
  /**
   * With `createdAt` (as the post's buttons carry it), only the escalation opened then: an id on a post
   * older than a restored backup may since have been given to another request, which is then `not-found`.
   */
  claim(id: number, userId: string, createdAt?: number): Promise<Transition>;
  resolve(id: number, userId: string, createdAt?: number): Promise<Transition>;
  get(id: number): Promise<EscalationRecord | undefined>;
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
  /** Questions this process answered and has not saved yet (waiting for the database): not counted above. */
  unsaved: number;
  /** Questions this process answered in the window that will never be saved (refused, or beyond the queue). */
  lost?: number;
}

export interface StatsReader {
  usage(options?: { days?: number }): Promise<UsageStats>;
}

export interface EventLog {
  /**
   * True the first time any replica sees `key` within `ttlMs`, false for a redelivery. Rejects when the
   * database cannot be asked (the caller decides with what it remembers itself).
   */
  firstDelivery(key: string, ttlMs: number): Promise<boolean>;
}

export interface Store {
  /** Where the data is, for the start-up line: a file path or PostgreSQL's host and database. */
  where: string;
  questions: QuestionLog;
  feedback: FeedbackLog;
  escalations: EscalationLog;
  stats: StatsReader;
  events: EventLog;
  /** Deletes questions (with their feedback and resolved escalations) asked before `before`; returns how many. */
  prune(before: number): Promise<number>;
  /** Saves what is queued (as far as the database allows) and closes. */
  close(): Promise<void>;
}
