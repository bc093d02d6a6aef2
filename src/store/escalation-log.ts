// Escalations to a human: open -> claimed (by whom) -> resolved, with timestamps. One per person and
// question, enforced by the schema, so a second click finds the first escalation instead of posting again.
import type { Database } from 'better-sqlite3';
import type { EscalationLog, EscalationRecord, EscalationState, Transition } from './types';

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

export function createEscalationLog(db: Database, now: () => number): EscalationLog {
  const insert = db.prepare<[number, string, string, string | null, string | null, string | null, number]>(
    `INSERT INTO escalations (question_id, requester_id, topic_id, user_kind, origin_channel_id, permalink, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
     ON CONFLICT (question_id, requester_id) DO NOTHING`,
  );
  const selectColumns = `SELECT e.*, q.question AS question, q.user_id AS asked_by
     FROM escalations e JOIN questions q ON q.id = e.question_id`;
  const byId = db.prepare<[number], EscalationRow>(`${selectColumns} WHERE e.id = ?`);
  const byKey = db.prepare<[number, string], EscalationRow>(
    `${selectColumns} WHERE e.question_id = ? AND e.requester_id = ?`,
  );
  const setPost = db.prepare<[string, string, number]>(
    'UPDATE escalations SET post_channel_id = ?, post_ts = ? WHERE id = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM escalations WHERE id = ?');
  const claim = db.prepare<[string, number, number]>(
    "UPDATE escalations SET state = 'claimed', claimed_by = ?, claimed_at = ? WHERE id = ? AND state = 'open'",
  );
  const resolve = db.prepare<[string, number, number]>(
    "UPDATE escalations SET state = 'resolved', resolved_by = ?, resolved_at = ? WHERE id = ? AND state != 'resolved'",
  );

  const get = (id: number): EscalationRecord | undefined => {
    const row = byId.get(id);
    return row ? toRecord(row) : undefined;
  };
  const transition = (id: number, changes: number): Transition => {
    const escalation = get(id);
    if (!escalation) return { result: 'not-found' };
    return { result: changes > 0 ? 'changed' : 'unchanged', escalation };
  };

  return {
    open(escalation) {
      const { changes } = insert.run(
        escalation.questionId,
        escalation.requesterId,
        escalation.topicId,
        escalation.userKind ?? null,
        escalation.originChannelId ?? null,
        escalation.permalink ?? null,
        now(),
      );
      const row = byKey.get(escalation.questionId, escalation.requesterId);
      if (!row) throw new Error(`escalation for question ${escalation.questionId} was neither created nor found`);
      return { escalation: toRecord(row), created: changes > 0 };
    },
    attachPost(id, post) {
      setPost.run(post.channelId, post.ts, id);
    },
    withdraw(id) {
      remove.run(id);
    },
    claim: (id, userId) => transition(id, claim.run(userId, now(), id).changes),
    resolve: (id, userId) => transition(id, resolve.run(userId, now(), id).changes),
    get,
  };
}
