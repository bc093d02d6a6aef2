// "Helpful" / "Not helpful" on answer cards, and what was missing. One row per person, question and topic.
import type { Database } from 'better-sqlite3';
import type { FeedbackLog, FeedbackRecord } from './types';

interface FeedbackRow {
  question_id: number;
  user_id: string;
  topic_id: string;
  helpful: 0 | 1;
  missing: string | null;
  updated_at: number;
}

export function createFeedbackLog(db: Database, now: () => number): FeedbackLog {
  const questionExists = db.prepare<[number], number>('SELECT 1 FROM questions WHERE id = ?').pluck();
  // "Helpful" clears an earlier note; a "Not helpful" click keeps the note its form may already have saved.
  const upsert = db.prepare<[number, string, string, number, string | null, number]>(
    `INSERT INTO feedback (question_id, user_id, topic_id, helpful, missing, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (question_id, user_id, topic_id) DO UPDATE SET
       helpful = excluded.helpful,
       missing = CASE WHEN excluded.helpful = 1 THEN NULL ELSE coalesce(excluded.missing, feedback.missing) END,
       updated_at = excluded.updated_at`,
  );
  const select = db.prepare<[number, string, string], FeedbackRow>(
    'SELECT * FROM feedback WHERE question_id = ? AND user_id = ? AND topic_id = ?',
  );
  return {
    save(feedback) {
      if (questionExists.get(feedback.questionId) === undefined) return false;
      upsert.run(
        feedback.questionId,
        feedback.userId,
        feedback.topicId,
        feedback.helpful ? 1 : 0,
        feedback.helpful ? null : (feedback.missing ?? null),
        now(),
      );
      return true;
    },
    get(key): FeedbackRecord | undefined {
      const row = select.get(key.questionId, key.userId, key.topicId);
      if (!row) return undefined;
      return {
        questionId: row.question_id,
        userId: row.user_id,
        topicId: row.topic_id,
        helpful: row.helpful === 1,
        missing: row.missing,
        updatedAt: row.updated_at,
      };
    },
  };
}
