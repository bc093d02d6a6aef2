// Each question's outcome: what was asked (already redacted), which card it got, how sure the matcher was.
import type { Database } from 'better-sqlite3';
import type { AskerKind } from '../knowledge/schema';
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

/** The question log, plus what the store needs to keep written-behind rows consistent. */
export interface WrittenBehindQuestionLog extends QuestionLog {
  /** Writes the pending questions now. */
  flush(): void;
}

type QuestionRowValues = [
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  string,
  string | null,
  number,
  string | null,
];

/**
 * Questions are written behind: `record` hands out the id at once (the card's buttons carry it) and the
 * questions recorded during one turn of the event loop reach the database together, in one transaction,
 * at the end of that turn. A commit per question was the largest single cost of a request under load
 * (docs/reliability.md). The store flushes before anything reads questions or refers to them, and on
 * close; the app is the database's only writer, so it can number the rows itself.
 */
export function createQuestionLog(
  db: Database,
  now: () => number,
  onWriteError: (error: unknown, lostQuestions: number) => void,
): WrittenBehindQuestionLog {
  const insert = db.prepare<QuestionRowValues>(
    `INSERT INTO questions (id, asked_at, user_id, surface, channel_id, question, kind, topic_id, confidence, user_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[number], QuestionRow>('SELECT * FROM questions WHERE id = ?');
  const lastId = db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM questions').get()?.id ?? 0;
  let nextId = lastId + 1;
  let pending: QuestionRowValues[] = [];
  let scheduled = false;
  const insertAll = db.transaction((rows: QuestionRowValues[]) => {
    for (const row of rows) insert.run(...row);
  });

  /** Never throws: what cannot be saved is reported, and the caller (a reply, a read) goes on. */
  function flush(): void {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    try {
      insertAll(rows);
    } catch {
      // One row the database refuses must not cost the others theirs: try them one by one.
      let lost = 0;
      let firstError: unknown;
      for (const row of rows) {
        try {
          insert.run(...row);
        } catch (error) {
          lost++;
          firstError ??= error;
        }
      }
      if (lost > 0) onWriteError(firstError, lost);
    }
  }

  function flushAtEndOfTurn(): void {
    scheduled = false;
    flush();
  }

  return {
    record(question: NewQuestion): number {
      // A closed database is known now, so the caller answers without the buttons a stored question needs.
      if (!db.open) throw new TypeError('The database connection is not open');
      const id = nextId++;
      pending.push([
        id,
        now(),
        question.userId,
        question.surface,
        question.channelId ?? null,
        question.question,
        question.kind,
        question.topicId,
        question.confidence,
        question.userKind ?? null,
      ]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flushAtEndOfTurn);
      }
      return id;
    },
    get(id) {
      flush();
      const row = select.get(id);
      return row ? toRecord(row) : undefined;
    },
    flush,
  };
}
