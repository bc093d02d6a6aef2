// Each question's outcome: what was asked (already redacted), which card it got, how sure the matcher was.
import type { Database } from 'better-sqlite3';
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
});

/**
 * Questions are written behind: `record` hands out the id at once (the card's buttons need it) and the
 * rows reach the database together, in one transaction, on the next turn of the event loop. One commit
 * per question was the largest cost of a request under load. `flush` writes what is pending; the store
 * calls it before anything reads questions or refers to them.
 */
export function createQuestionLog(
  db: Database,
  now: () => number,
  onWriteError: (error: unknown) => void,
): QuestionLog & { flush(): void } {
  const insert = db.prepare<
    [number, number, string, string, string | null, string | null, string, string | null, number]
  >(
    `INSERT INTO questions (id, asked_at, user_id, surface, channel_id, question, kind, topic_id, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[number], QuestionRow>('SELECT * FROM questions WHERE id = ?');
  const lastId = db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM questions');
  let nextId = (lastId.get()?.id ?? 0) + 1;
  let pending: Array<Parameters<typeof insert.run>> = [];
  let scheduled = false;
  const insertAll = db.transaction((rows: Array<Parameters<typeof insert.run>>) => {
    for (const row of rows) insert.run(...row);
  });

  function flush(): void {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    insertAll(rows);
  }

  return {
    record(question: NewQuestion): number {
      // A closed database is known now: the caller answers without the buttons a stored question needs.
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
      ]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          try {
            flush();
          } catch (error) {
            onWriteError(error);
          }
        });
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
