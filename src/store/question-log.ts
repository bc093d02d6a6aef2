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

export function createQuestionLog(db: Database, now: () => number): QuestionLog {
  const insert = db.prepare<[number, string, string, string | null, string | null, string, string | null, number]>(
    `INSERT INTO questions (asked_at, user_id, surface, channel_id, question, kind, topic_id, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[number], QuestionRow>('SELECT * FROM questions WHERE id = ?');
  return {
    record(question: NewQuestion): number {
      const { lastInsertRowid } = insert.run(
        now(),
        question.userId,
        question.surface,
        question.channelId ?? null,
        question.question,
        question.kind,
        question.topicId,
        question.confidence,
      );
      return Number(lastInsertRowid);
    },
    get(id) {
      const row = select.get(id);
      return row ? toRecord(row) : undefined;
    },
  };
}
