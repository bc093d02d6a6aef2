// The database schema as a list of migrations: migration N brings user_version from N to N+1.
// Append to the list; never edit a migration that has shipped.
import type { Database } from 'better-sqlite3';
import { StoreError } from './store-error';

export const MIGRATIONS: readonly string[] = [
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
  // The kind of user a question said was asking (null when it said none), for stats by kind.
  `
  ALTER TABLE questions ADD COLUMN user_kind TEXT CHECK (user_kind IN ('root', 'iam', 'identity-center', 'federated'));
  `,
];

/** Brings the database up to the newest schema in one transaction. */
export function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): void {
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
