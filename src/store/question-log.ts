// Each question's outcome: what was asked (already redacted), which card it got, how sure the matcher was.
import type { AskerKind } from '../knowledge/schema';
import { earliestAskedAt, type IdAllocator } from './id-blocks';
import { isRowError, type SqlDriver } from './sql-driver';
import type { NewQuestion, OutcomeKind, QuestionLog, QuestionRecord, Surface } from './types';

interface QuestionRow {
  id: number;
  asked_at: number;
  user_id: string;
  surface: Surface;
  channel_id: string | null;
  question: string | null;
  kind: OutcomeKind;
  topic_id: string | null;
  confidence: number;
  user_kind: AskerKind | null;
}

const toRecord = (row: QuestionRow): QuestionRecord => ({
  id: row.id,
  askedAt: row.asked_at,
  userId: row.user_id,
  surface: row.surface,
  ...(row.channel_id ? { channelId: row.channel_id } : {}),
  question: row.question,
  kind: row.kind,
  topicId: row.topic_id,
  confidence: row.confidence,
  ...(row.user_kind ? { userKind: row.user_kind } : {}),
});

const COLUMNS = [
  'id',
  'asked_at',
  'user_id',
  'surface',
  'channel_id',
  'question',
  'kind',
  'topic_id',
  'confidence',
  'user_kind',
];
/** Rows per INSERT: 10 parameters each stays far below both databases' limits. */
const BATCH_ROWS = 500;

function insertSql(rows: number): string {
  const values = Array.from(
    { length: rows },
    (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
  );
  // A retry of a batch the server committed but whose answer was lost finds its rows already there.
  return `INSERT INTO questions (${COLUMNS.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING`;
}

const valuesOf = (row: QuestionRow) => [
  row.id,
  row.asked_at,
  row.user_id,
  row.surface,
  row.channel_id,
  row.question,
  row.kind,
  row.topic_id,
  row.confidence,
  row.user_kind,
];

/** What makes a question unsavable (a field of the wrong type), or undefined. */
function rowProblem(question: NewQuestion): string | undefined {
  if (typeof question.userId !== 'string' || question.userId === '') return 'the user id is not a string';
  if (question.channelId !== undefined && typeof question.channelId !== 'string') return 'the channel is not a string';
  if (question.question !== null && typeof question.question !== 'string') return 'the question is not text';
  if (question.topicId !== null && typeof question.topicId !== 'string') return 'the topic is not a string';
  if (typeof question.confidence !== 'number' || !Number.isFinite(question.confidence))
    return 'the confidence is not a number';
  return undefined;
}

export interface QuestionWriteEvents {
  /** The database stopped taking questions; they wait in the queue. Told once per outage. */
  onUnavailable?: (error: unknown, waiting: number) => void;
  /** The queue caught up after an outage. */
  onRecovered?: (saved: number) => void;
  /** Questions that will never be saved: refused by the schema, or the queue was full. */
  onLost?: (error: unknown, lost: number) => void;
}

export interface QuestionLogOptions extends QuestionWriteEvents {
  now: () => number;
  /** The most questions kept waiting for the database; beyond that, questions are answered unrecorded. */
  maxPending?: number;
  /** How soon to try again after the database failed. */
  retryMs?: number;
  /**
   * How long questions gather before they are written together: 0 writes at the end of the event
   * loop's turn (SQLite: a local write is cheap); over a network, a short window saves round trips.
   */
  batchMs?: number;
  /** How long questions are kept (RETENTION_DAYS); unset: kept for good. */
  keptForMs?: number;
}

const MAX_REMEMBERED_REFUSALS = 4096;

/** A question younger than the retention period by at least this much cannot have been deleted by it. */
const RETENTION_MARGIN_MS = 60 * 60 * 1000;

/** The question log, plus what the store needs to keep written-behind rows consistent. */
export interface WrittenBehindQuestionLog extends QuestionLog {
  /** Writes what is queued now; rejects when the database cannot take it (it stays queued). */
  flush(): Promise<void>;
  /** Resolves once question `id` is in the database (at once if it already is); rejects if it cannot be. */
  ensureSaved(id: number): Promise<void>;
  /** Answered here and waiting for the database: saved (and counted) once it can be reached. */
  unsaved(): number;
  /** Of those, the questions people typed (what the stats count; topics picked from a list are not). */
  unsavedQuestions(): number;
  /** Typed here since `since` (ms) and never to be saved: refused by the database, or beyond the queue. */
  lostSince(since: number): number;
  close(): void;
}

export const DEFAULT_MAX_PENDING = 10_000;
export const DEFAULT_RETRY_MS = 1_000;

/**
 * Questions are written behind: `record` hands out the id at once and queues the row; the rows queued
 * during one turn of the event loop go to the database together, in one INSERT. When the database is
 * down the rows stay queued (up to `maxPending`), the outage is reported once, and the queue is retried
 * every `retryMs` until it has caught up.
 */
export function createQuestionLog(
  driver: SqlDriver,
  ids: IdAllocator,
  options: QuestionLogOptions,
): WrittenBehindQuestionLog {
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const batchMs = options.batchMs ?? 0;
  const pending: QuestionRow[] = [];
  const pendingById = new Map<number, QuestionRow>();
  // When each lost question was answered, the latest few thousand: the stats count those of their window.
  const lostAt: number[] = [];
  const countLost = (at: number) => {
    if (lostAt.length >= MAX_REMEMBERED_REFUSALS) lostAt.shift();
    lostAt.push(at);
  };
  // The ids of the questions the database refused, the latest few thousand: a click on one of their cards
  // is told the question is gone for good, not to try again. Bounded: a flood of refusals costs no memory.
  const refusedIds = new Set<number>();
  const rememberRefused = (id: number) => {
    if (refusedIds.size >= MAX_REMEMBERED_REFUSALS) refusedIds.delete(refusedIds.values().next().value as number);
    refusedIds.add(id);
  };
  let closed = false;
  let unavailable = false;
  let savedDuringOutage = 0;
  let draining: Promise<void> | undefined;
  let scheduled = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const forget = (count: number) => {
    for (const row of pending.splice(0, count)) pendingById.delete(row.id);
  };

  /** Writes `batch` (the head of the queue) and removes it; one by one if the database refuses a row. */
  async function writeBatch(batch: QuestionRow[]): Promise<void> {
    try {
      await driver.query(insertSql(batch.length), batch.flatMap(valuesOf));
      forget(batch.length);
      if (unavailable) savedDuringOutage += batch.length;
      return;
    } catch (error) {
      if (!isRowError(error)) throw error;
    }
    // One row the database refuses must not cost the others theirs.
    let refused = 0;
    let firstError: unknown;
    for (const row of batch) {
      try {
        await driver.query(insertSql(1), valuesOf(row));
        if (unavailable) savedDuringOutage++;
      } catch (error) {
        if (!isRowError(error)) throw error;
        refused++;
        rememberRefused(row.id);
        // The stats count typed questions only: a topic picked from a list is not one of them.
        if (row.question !== null) countLost(row.asked_at);
        firstError ??= error;
      }
      forget(1);
    }
    if (refused > 0) options.onLost?.(firstError, refused);
  }

  async function writeAll(): Promise<void> {
    try {
      while (pending.length > 0) await writeBatch(pending.slice(0, BATCH_ROWS));
      if (unavailable) {
        unavailable = false;
        options.onRecovered?.(savedDuringOutage);
        savedDuringOutage = 0;
      }
    } catch (error) {
      if (!unavailable) {
        unavailable = true;
        options.onUnavailable?.(error, pending.length);
      }
      if (!closed && !retryTimer) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          drain().catch(() => undefined);
        }, retryMs);
        retryTimer.unref();
      }
      throw error;
    }
  }

  /** One write at a time; a call while one runs joins it (its loop takes what was queued meanwhile). */
  function drain(): Promise<void> {
    if (draining) return draining;
    // Forgotten only after it is stored: a write with nothing to do must not leave a settled promise
    // behind that every later call would take for the write in progress.
    const run = writeAll().finally(() => {
      if (draining === run) draining = undefined;
    });
    draining = run;
    return run;
  }

  function writeAtEndOfTurn(): void {
    scheduled = false;
    // During an outage the retry timer drains; failures are reported by drain itself.
    if (!unavailable) drain().catch(() => undefined);
  }

  return {
    record(question: NewQuestion): number {
      if (closed) throw new Error('The store is closed');
      // Refused here, to this person, rather than by the database later, where one bad row would hold
      // up everyone's behind it.
      const problem = rowProblem(question);
      if (problem) throw new Error(`Not a question that can be saved: ${problem}`);
      if (pending.length >= maxPending) {
        if (question.question !== null) countLost(options.now());
        const error = new Error(`${maxPending} questions are already waiting for the database`);
        options.onLost?.(error, 1);
        throw error;
      }
      const row: QuestionRow = {
        id: ids.next(),
        asked_at: options.now(),
        user_id: question.userId,
        surface: question.surface,
        channel_id: question.channelId ?? null,
        question: question.question,
        kind: question.kind,
        topic_id: question.topicId,
        confidence: question.confidence,
        user_kind: question.userKind ?? null,
      };
      pending.push(row);
      pendingById.set(row.id, row);
      if (!scheduled) {
        scheduled = true;
        if (batchMs > 0) setTimeout(writeAtEndOfTurn, batchMs).unref();
        else setImmediate(writeAtEndOfTurn);
      }
      return row.id;
    },
    async get(id) {
      const queued = pendingById.get(id);
      if (queued) return toRecord(queued);
      const { rows } = await driver.query<QuestionRow>('SELECT * FROM questions WHERE id = $1', [id]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    whyMissing(id) {
      if (refusedIds.has(id)) return 'lost';
      const keptFor = options.keptForMs;
      if (keptFor === undefined) return 'unsaved';
      return earliestAskedAt(id) > options.now() - keptFor + RETENTION_MARGIN_MS ? 'unsaved' : 'deleted';
    },
    async flush() {
      if (pending.length > 0 || draining) await drain();
    },
    async ensureSaved(id) {
      while (pendingById.has(id)) await drain();
    },
    unsaved: () => pending.length,
    unsavedQuestions: () => pending.reduce((count, row) => count + (row.question === null ? 0 : 1), 0),
    lostSince: (since) => lostAt.filter((at) => at >= since).length,
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}
