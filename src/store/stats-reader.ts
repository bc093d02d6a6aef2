// The numbers behind `/aws-signin stats` and the administrators' App Home: what people asked in a window,
// how it went, what they thought of the answers, and what the corpus is missing. Read from the database,
// so every replica sees every replica's questions; what this process has not saved yet is counted apart.
import type { AskerKind } from '../knowledge/schema';
import type { WrittenBehindQuestionLog } from './question-log';
import type { SqlDriver } from './sql-driver';
import type { OutcomeKind, StatsReader, UsageStats } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const STATS_DEFAULT_DAYS = 7;
const UNANSWERED_LIMIT = 10;
const TOPIC_LIMIT = 15;
const MISSING_LIMIT = 5;

const KINDS = `SELECT kind, count(*) AS n FROM questions WHERE question IS NOT NULL AND asked_at >= $1 GROUP BY kind`;
const USER_KINDS = `SELECT user_kind, count(*) AS n FROM questions
  WHERE question IS NOT NULL AND user_kind IS NOT NULL AND asked_at >= $1 GROUP BY user_kind`;
const HELPFUL = `SELECT topic_id, sum(helpful) AS helpful, count(*) AS total FROM feedback WHERE updated_at >= $1
  GROUP BY topic_id ORDER BY total DESC, topic_id LIMIT $2`;
const ESCALATIONS = `SELECT count(*) AS open, count(*) FILTER (WHERE state = 'claimed') AS claimed
  FROM escalations WHERE state <> 'resolved'`;
// Same wording counted together: case, and the punctuation people end a question with (full-width too),
// don't matter.
// The wording shown is the latest one.
const UNANSWERED = `WITH fallbacks AS (
    SELECT id, question, asked_at, rtrim(lower(question), '?!. ？！。．') AS wording FROM questions
    WHERE kind = 'fallback' AND question IS NOT NULL AND asked_at >= $1
  ), counted AS (
    SELECT wording, count(*) AS n, max(asked_at) AS last FROM fallbacks GROUP BY wording
  )
  SELECT (SELECT f.question FROM fallbacks f WHERE f.wording = c.wording ORDER BY f.asked_at DESC, f.id DESC LIMIT 1)
    AS question, c.n AS n
  FROM counted c ORDER BY c.n DESC, c.last DESC LIMIT $2`;
const MISSING = `SELECT topic_id, missing FROM feedback WHERE missing IS NOT NULL AND updated_at >= $1
  ORDER BY updated_at DESC LIMIT $2`;

export function createStatsReader(
  driver: SqlDriver,
  questions: WrittenBehindQuestionLog,
  now: () => number,
  /** RETENTION_DAYS: a window longer than what is kept would count a part of it only, under its full name. */
  keptForDays?: number,
): StatsReader {
  return {
    async usage({ days: asked = STATS_DEFAULT_DAYS } = {}): Promise<UsageStats> {
      // What is queued is counted if it can be written now; otherwise it is reported as not counted.
      await questions.flush().catch(() => undefined);
      const days = keptForDays === undefined ? asked : Math.min(asked, keptForDays);
      const until = now();
      const since = until - days * DAY_MS;
      const [kinds, userKinds, helpful, escalations, unanswered, missing] = await Promise.all([
        driver.query<{ kind: OutcomeKind; n: number }>(KINDS, [since]),
        driver.query<{ user_kind: AskerKind; n: number }>(USER_KINDS, [since]),
        driver.query<{ topic_id: string; helpful: number; total: number }>(HELPFUL, [since, TOPIC_LIMIT]),
        driver.query<{ open: number; claimed: number }>(ESCALATIONS),
        driver.query<{ question: string; n: number }>(UNANSWERED, [since, UNANSWERED_LIMIT]),
        driver.query<{ topic_id: string; missing: string }>(MISSING, [since, MISSING_LIMIT]),
      ]);
      const byKind: Record<OutcomeKind, number> = { answer: 0, clarify: 0, fallback: 0 };
      for (const row of kinds.rows) byKind[row.kind] = Number(row.n);
      const byUserKind: Record<AskerKind, number> = { root: 0, iam: 0, 'identity-center': 0, federated: 0 };
      for (const row of userKinds.rows) byUserKind[row.user_kind] = Number(row.n);
      const open = escalations.rows[0] ?? { open: 0, claimed: 0 };
      return {
        since,
        until,
        questions: byKind.answer + byKind.clarify + byKind.fallback,
        kinds: byKind,
        userKinds: byUserKind,
        helpfulByTopic: helpful.rows.map((row) => ({
          topicId: row.topic_id,
          helpful: Number(row.helpful),
          total: Number(row.total),
        })),
        openEscalations: Number(open.open),
        claimedEscalations: Number(open.claimed),
        unanswered: unanswered.rows.map((row) => ({ question: row.question, count: Number(row.n) })),
        missing: missing.rows.map((row) => ({ topicId: row.topic_id, text: row.missing })),
        unsaved: questions.unsavedQuestions(),
        lost: questions.lostSince(since),
      };
    },
  };
}
