// The numbers behind `/aws-signin stats` and the administrators' App Home: what people asked in a window,
// how it went, what they thought of the answers, and what the corpus is missing.
import type { Database } from 'better-sqlite3';
import type { AskerKind } from '../knowledge/schema';
import type { OutcomeKind, StatsReader, UsageStats } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const STATS_DEFAULT_DAYS = 7;
const UNANSWERED_LIMIT = 10;
const TOPIC_LIMIT = 15;
const MISSING_LIMIT = 5;

export function createStatsReader(db: Database, now: () => number): StatsReader {
  const kinds = db.prepare<[number], { kind: OutcomeKind; n: number }>(
    'SELECT kind, count(*) AS n FROM questions WHERE question IS NOT NULL AND asked_at >= ? GROUP BY kind',
  );
  const userKinds = db.prepare<[number], { user_kind: AskerKind; n: number }>(
    `SELECT user_kind, count(*) AS n FROM questions
     WHERE question IS NOT NULL AND user_kind IS NOT NULL AND asked_at >= ? GROUP BY user_kind`,
  );
  const helpful = db.prepare<[number, number], { topic_id: string; helpful: number; total: number }>(
    `SELECT topic_id, sum(helpful) AS helpful, count(*) AS total FROM feedback WHERE updated_at >= ?
     GROUP BY topic_id ORDER BY total DESC, topic_id LIMIT ?`,
  );
  const escalations = db.prepare<[], { open: number; claimed: number }>(
    `SELECT count(*) AS open, coalesce(sum(state = 'claimed'), 0) AS claimed FROM escalations WHERE state != 'resolved'`,
  );
  // Same wording counted together: case, and the punctuation people end a question with, don't matter.
  // The shown wording is the latest one (SQLite takes bare columns from the max() row).
  const unanswered = db.prepare<[number, number], { question: string; n: number; last: number }>(
    `SELECT question, count(*) AS n, max(asked_at) AS last FROM questions
     WHERE kind = 'fallback' AND question IS NOT NULL AND asked_at >= ?
     GROUP BY rtrim(lower(question), '?!. ') ORDER BY n DESC, last DESC LIMIT ?`,
  );
  const missing = db.prepare<[number, number], { topic_id: string; missing: string }>(
    `SELECT topic_id, missing FROM feedback WHERE missing IS NOT NULL AND updated_at >= ?
     ORDER BY updated_at DESC LIMIT ?`,
  );

  return {
    usage({ days = STATS_DEFAULT_DAYS } = {}): UsageStats {
      const until = now();
      const since = until - days * DAY_MS;
      const byKind: Record<OutcomeKind, number> = { answer: 0, clarify: 0, fallback: 0 };
      for (const row of kinds.all(since)) byKind[row.kind] = row.n;
      const byUserKind: Record<AskerKind, number> = { root: 0, iam: 0, 'identity-center': 0, federated: 0 };
      for (const row of userKinds.all(since)) byUserKind[row.user_kind] = row.n;
      const open = escalations.get() ?? { open: 0, claimed: 0 };
      return {
        since,
        until,
        questions: byKind.answer + byKind.clarify + byKind.fallback,
        kinds: byKind,
        userKinds: byUserKind,
        helpfulByTopic: helpful
          .all(since, TOPIC_LIMIT)
          .map((row) => ({ topicId: row.topic_id, helpful: row.helpful, total: row.total })),
        openEscalations: open.open,
        claimedEscalations: open.claimed,
        unanswered: unanswered.all(since, UNANSWERED_LIMIT).map((row) => ({ question: row.question, count: row.n })),
        missing: missing.all(since, MISSING_LIMIT).map((row) => ({ topicId: row.topic_id, text: row.missing })),
      };
    },
  };
}
