// "Helpful" / "Not helpful" on answer cards, and what was missing. One row per person, question and topic.
import type { WrittenBehindQuestionLog } from './question-log';
import type { SqlDriver } from './sql-driver';
import type { FeedbackLog, FeedbackRecord } from './types';

interface FeedbackRow {
  question_id: number;
  user_id: string;
  topic_id: string;
  helpful: 0 | 1;
  missing: string | null;
  updated_at: number;
}

// Saved only for a question the database has, in one statement. "Helpful" clears an earlier note; a
// "Not helpful" click keeps the note its form may already have saved. The casts give PostgreSQL the
// parameters' types (SQLite reads them as affinities).
const UPSERT = `INSERT INTO feedback (question_id, user_id, topic_id, helpful, missing, updated_at)
  SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS SMALLINT), CAST($5 AS TEXT), CAST($6 AS BIGINT)
  WHERE EXISTS (SELECT 1 FROM questions WHERE id = $1)
  ON CONFLICT (question_id, user_id, topic_id) DO UPDATE SET
    helpful = excluded.helpful,
    missing = CASE WHEN excluded.helpful = 1 THEN NULL ELSE coalesce(excluded.missing, feedback.missing) END,
    updated_at = excluded.updated_at`;

export function createFeedbackLog(
  driver: SqlDriver,
  questions: WrittenBehindQuestionLog,
  now: () => number,
): FeedbackLog {
  return {
    async save(feedback) {
      // A question answered a moment ago may still be queued: it is written first (or this rejects).
      await questions.ensureSaved(feedback.questionId);
      const { changes } = await driver.query(UPSERT, [
        feedback.questionId,
        feedback.userId,
        feedback.topicId,
        feedback.helpful ? 1 : 0,
        feedback.helpful ? null : (feedback.missing ?? null),
        now(),
      ]);
      return changes > 0;
    },
    async get(key): Promise<FeedbackRecord | undefined> {
      const { rows } = await driver.query<FeedbackRow>(
        'SELECT * FROM feedback WHERE question_id = $1 AND user_id = $2 AND topic_id = $3',
        [key.questionId, key.userId, key.topicId],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        questionId: row.question_id,
        userId: row.user_id,
        topicId: row.topic_id,
        helpful: Number(row.helpful) === 1,
        missing: row.missing,
        updatedAt: row.updated_at,
      };
    },
  };
}
