// Escalations to a human: open -> claimed (by whom) -> resolved, with timestamps. One per person and
// question, enforced by the schema, so a second click finds the first escalation instead of posting
// again; every change is one conditional UPDATE, so of two administrators clicking at once on two
// replicas exactly one wins.
import type { WrittenBehindQuestionLog } from './question-log';
import type { SqlDriver } from './sql-driver';
import type { EscalationLog, EscalationRecord, EscalationState, Transition } from './types';

/**
 * How long a click that is posting an escalation holds it. Longer than the slowest post (three Slack
 * attempts of at most 10 s each); after that, an escalation still without a post was never posted (the
 * process died) and the next click posts it.
 */
export const POSTING_LEASE_MS = 2 * 60 * 1000;

interface EscalationRow {
  id: number;
  question_id: number;
  requester_id: string;
  topic_id: string;
  user_kind: string | null;
  origin_channel_id: string | null;
  permalink: string | null;
  state: EscalationState;
  created_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  resolved_by: string | null;
  resolved_at: number | null;
  post_channel_id: string | null;
  post_ts: string | null;
  question: string | null;
  asked_by: string;
}

function toRecord(row: EscalationRow): EscalationRecord {
  return {
    id: row.id,
    questionId: row.question_id,
    requesterId: row.requester_id,
    topicId: row.topic_id,
    ...(row.user_kind ? { userKind: row.user_kind } : {}),
    ...(row.origin_channel_id ? { originChannelId: row.origin_channel_id } : {}),
    ...(row.permalink ? { permalink: row.permalink } : {}),
    question: row.question,
    askedBy: row.asked_by,
    state: row.state,
    createdAt: row.created_at,
    ...(row.claimed_by && row.claimed_at !== null ? { claimedBy: row.claimed_by, claimedAt: row.claimed_at } : {}),
    ...(row.resolved_by && row.resolved_at !== null
      ? { resolvedBy: row.resolved_by, resolvedAt: row.resolved_at }
      : {}),
    ...(row.post_channel_id && row.post_ts ? { post: { channelId: row.post_channel_id, ts: row.post_ts } } : {}),
  };
}

const SELECT = `SELECT e.id, e.question_id, e.requester_id, e.topic_id, e.user_kind, e.origin_channel_id, e.permalink,
    e.state, e.created_at, e.claimed_by, e.claimed_at, e.resolved_by, e.resolved_at, e.post_channel_id, e.post_ts,
    q.question AS question, q.user_id AS asked_by
  FROM escalations e JOIN questions q ON q.id = e.question_id`;

export function createEscalationLog(
  driver: SqlDriver,
  questions: WrittenBehindQuestionLog,
  now: () => number,
): EscalationLog {
  const get = async (id: number): Promise<EscalationRecord | undefined> => {
    const { rows } = await driver.query<EscalationRow>(`${SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  };
  /**
   * Sets `set` on the escalation with this id when `from` holds. An escalation is the row with its id and,
   * when the caller knows it, the time it was opened: after a database is restored from a backup, an id on
   * an old post can belong to a newer request, which is then `not-found`.
   */
  async function change(
    set: string,
    from: string,
    id: number,
    userId: string,
    createdAt?: number,
  ): Promise<Transition> {
    const sameOne = createdAt === undefined ? '' : ' AND created_at = $4';
    const { changes } = await driver.query(`UPDATE escalations SET ${set} WHERE id = $3 AND ${from}${sameOne}`, [
      userId,
      now(),
      id,
      ...(createdAt === undefined ? [] : [createdAt]),
    ]);
    const escalation = await get(id);
    if (!escalation || (createdAt !== undefined && escalation.createdAt !== createdAt)) return { result: 'not-found' };
    return { result: changes > 0 ? 'changed' : 'unchanged', escalation };
  }

  return {
    async open(escalation) {
      await questions.ensureSaved(escalation.questionId);
      const at = now();
      const inserted = await driver.query(
        `INSERT INTO escalations (question_id, requester_id, topic_id, user_kind, origin_channel_id, permalink, state,
           created_at, posting_until)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)
         ON CONFLICT (question_id, requester_id) DO NOTHING`,
        [
          escalation.questionId,
          escalation.requesterId,
          escalation.topicId,
          escalation.userKind ?? null,
          escalation.originChannelId ?? null,
          escalation.permalink ?? null,
          at,
          at + POSTING_LEASE_MS,
        ],
      );
      let created = inserted.changes > 0;
      if (!created) {
        // Never posted, and nobody is posting it now: this click takes it over and posts.
        const takenOver = await driver.query(
          `UPDATE escalations SET posting_until = $3
           WHERE question_id = $1 AND requester_id = $2 AND state = 'open' AND post_ts IS NULL AND posting_until < $4`,
          [escalation.questionId, escalation.requesterId, at + POSTING_LEASE_MS, at],
        );
        created = takenOver.changes > 0;
      }
      const { rows } = await driver.query<EscalationRow>(`${SELECT} WHERE e.question_id = $1 AND e.requester_id = $2`, [
        escalation.questionId,
        escalation.requesterId,
      ]);
      const row = rows[0];
      if (!row) throw new Error(`escalation for question ${escalation.questionId} was neither created nor found`);
      return { escalation: toRecord(row), created };
    },
    async attachPost(id, post, { ifNone = false } = {}) {
      // `ifNone`: a post an administrator clicked is recorded only when no post is: the one the app
      // posted and Slack confirmed stays the request's post.
      await driver.query(
        `UPDATE escalations SET post_channel_id = $1, post_ts = $2 WHERE id = $3${ifNone ? ' AND post_ts IS NULL' : ''}`,
        [post.channelId, post.ts, id],
      );
    },
    async withdraw(id) {
      // Never a request an administrator has taken (on a copy of its post Slack never confirmed).
      await driver.query("DELETE FROM escalations WHERE id = $1 AND post_ts IS NULL AND state = 'open'", [id]);
    },
    claim: (id, userId, createdAt) =>
      change("state = 'claimed', claimed_by = $1, claimed_at = $2", "state = 'open'", id, userId, createdAt),
    resolve: (id, userId, createdAt) =>
      change("state = 'resolved', resolved_by = $1, resolved_at = $2", "state <> 'resolved'", id, userId, createdAt),
    get,
  };
}
