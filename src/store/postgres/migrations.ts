// The PostgreSQL schema as a list of migrations, recorded in schema_migrations. Replicas starting at the
// same time take an advisory lock first, so exactly one applies each migration (migrations on deploy).
// Append to the list; never edit a migration that has shipped.
import type { PoolClient } from 'pg';
import { StoreError } from '../store-error';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id BIGINT PRIMARY KEY,
    asked_at BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    surface TEXT NOT NULL,
    channel_id TEXT,
    question TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('answer', 'clarify', 'fallback')),
    topic_id TEXT,
    confidence DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX questions_by_time ON questions (asked_at);

  CREATE TABLE feedback (
    question_id BIGINT NOT NULL REFERENCES questions (id),
    user_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    helpful SMALLINT NOT NULL CHECK (helpful IN (0, 1)),
    missing TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (question_id, user_id, topic_id)
  );
  CREATE INDEX feedback_by_time ON feedback (updated_at);

  CREATE TABLE escalations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id BIGINT NOT NULL REFERENCES questions (id),
    requester_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    user_kind TEXT,
    origin_channel_id TEXT,
    permalink TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'resolved')),
    created_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_at BIGINT,
    resolved_by TEXT,
    resolved_at BIGINT,
    post_channel_id TEXT,
    post_ts TEXT,
    posting_until BIGINT NOT NULL DEFAULT 0,
    UNIQUE (question_id, requester_id)
  );
  CREATE INDEX escalations_by_state ON escalations (state);

  CREATE TABLE id_blocks (name TEXT PRIMARY KEY, next_block BIGINT NOT NULL);
  INSERT INTO id_blocks (name, next_block) VALUES ('questions', 1);

  -- Unlogged: no WAL for a row per event. A server crash empties it; at worst a retry that straddles the
  -- crash is answered twice.
  CREATE UNLOGGED TABLE seen_events (key TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
  CREATE INDEX seen_events_by_time ON seen_events (seen_at);
  `,
  // The kind of user a question said was asking (null when it said none), for stats by kind.
  `
  ALTER TABLE questions ADD COLUMN user_kind TEXT CHECK (user_kind IN ('root', 'iam', 'identity-center', 'federated'));
  `,
];

/** An arbitrary constant: the advisory lock replicas take while migrating. */
const MIGRATION_LOCK = 7_314_021_114;

export async function migratePostgres(
  client: PoolClient,
  where: string,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT)');
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new StoreError(
        `${where}: made by a newer version of this app (schema ${current}, this version knows ${migrations.length}). Run the newer version everywhere, or point DATABASE_URL at another database.`,
      );
    }
    for (const [index, sql] of migrations.entries()) {
      if (index < current) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          index + 1,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
