// The SQLite schema as a list of migrations: migration N brings user_version from N to N+1.
// Append to the list; never edit a migration that has shipped.
import type { Database } from 'better-sqlite3';
import { StoreError } from '../store-error';

export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    surface TEXT NOT NULL,
    channel_id TEXT,
    question TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('answer', 'clarify', 'fallback')),
    topic_id TEXT,
    confidence REAL NOT NULL
  );
  CREATE INDEX questions_by_time ON questions (asked_at);

  CREATE TABLE feedback (
    question_id INTEGER NOT NULL REFERENCES questions (id),
    user_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    missing TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (question_id, user_id, topic_id)
  );
  CREATE INDEX feedback_by_time ON feedback (updated_at);

  CREATE TABLE escalations (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id),
    requester_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    user_kind TEXT,
    origin_channel_id TEXT,
    permalink TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'resolved')),
    created_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_at INTEGER,
    resolved_by TEXT,
    resolved_at INTEGER,
    post_channel_id TEXT,
    post_ts TEXT,
    UNIQUE (question_id, requester_id)
  );
  CREATE INDEX escalations_by_state ON escalations (state);
  `,
  // Ids that are never handed out twice: question ids come in blocks the database numbers (the first
  // block starts above every id already used), escalation ids never reuse a deleted row's. An
  // escalation being posted holds a lease (posting_until) so one whose post never happened can be
  // retried. Redelivered events are remembered here, as they are on PostgreSQL.
  `
  CREATE TABLE id_blocks (name TEXT PRIMARY KEY, next_block INTEGER NOT NULL);
  INSERT INTO id_blocks (name, next_block) SELECT 'questions', (coalesce(max(id), 0) / 1048576) + 1 FROM questions;

  CREATE TABLE seen_events (key TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
  CREATE INDEX seen_events_by_time ON seen_events (seen_at);

  CREATE TABLE escalations_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions (id),
    requester_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    user_kind TEXT,
    origin_channel_id TEXT,
    permalink TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'resolved')),
    created_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_at INTEGER,
    resolved_by TEXT,
    resolved_at INTEGER,
    post_channel_id TEXT,
    post_ts TEXT,
    posting_until INTEGER NOT NULL DEFAULT 0,
    UNIQUE (question_id, requester_id)
  );
  INSERT INTO escalations_v2 (id, question_id, requester_id, topic_id, user_kind, origin_channel_id, permalink,
    state, created_at, claimed_by, claimed_at, resolved_by, resolved_at, post_channel_id, post_ts)
  SELECT id, question_id, requester_id, topic_id, user_kind, origin_channel_id, permalink,
    state, created_at, claimed_by, claimed_at, resolved_by, resolved_at, post_channel_id, post_ts FROM escalations;
  DROP TABLE escalations;
  ALTER TABLE escalations_v2 RENAME TO escalations;
  CREATE INDEX escalations_by_state ON escalations (state);
  `,
  // The kind of user a question said was asking (null when it said none), for stats by kind.
  `
  ALTER TABLE questions ADD COLUMN user_kind TEXT CHECK (user_kind IN ('root', 'iam', 'identity-center', 'federated'));
  `,
];

/** Brings the database up to the newest schema in one transaction. */
export function migrateSqlite(db: Database, migrations: readonly string[] = SQLITE_MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new StoreError(
      `${db.name}: made by a newer version of this app (schema ${current}, this version knows ${migrations.length}). Run the newer version, or set DATABASE_PATH to another file.`,
    );
  }
  db.transaction(() => {
    for (const sql of migrations.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
