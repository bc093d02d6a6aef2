// The SQLite backend: one file, one process. The file is opened in exclusive locking mode, so a second
// process on the same file (a second replica, an old copy still running) refuses to start with a
// StoreError instead of handing out the same ids; several replicas need PostgreSQL (DATABASE_URL).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { QueryResult, SqlDriver } from '../sql-driver';
import { StoreError } from '../store-error';
import { migrateSqlite } from './migrations';

/** `$1, $2` (the store's SQL) to SQLite's `?`, with the parameters reordered to match. */
function toSqlite(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text, order };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function openSqliteDriver(file: string): SqlDriver {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // No busy wait at open: a file another process holds is reported at once.
    db = new Database(file, { timeout: 0 });
  } catch (error) {
    throw new StoreError(
      `${file}: cannot open the database (${reasonOf(error)}). Check DATABASE_PATH and its folder's permissions.`,
    );
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // Takes the exclusive lock now, and keeps it until the app closes the file.
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreError(
        `${file}: already in use by another process (is the app already running?). SQLite serves one process; to run several replicas set DATABASE_URL to a PostgreSQL database.`,
      );
    }
    throw new StoreError(
      `${file}: cannot open the database (${reasonOf(error)}). Check DATABASE_PATH and its folder's permissions.`,
    );
  }
  try {
    // SQLite's recommendation for WAL: no corruption risk and nothing lost if the app crashes (only a
    // power cut can roll back the last commits), without an fsync per question.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrateSqlite(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = new Map<string, { statement: Database.Statement; order: number[] }>();
  function prepared(sql: string) {
    let found = statements.get(sql);
    if (!found) {
      const { text, order } = toSqlite(sql);
      found = { statement: db.prepare(text), order };
      statements.set(sql, found);
    }
    return found;
  }

  return {
    dialect: 'sqlite',
    where: file,
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const { statement, order } = prepared(sql);
      const values = order.map((index) => params[index]);
      if (statement.reader) {
        const rows = statement.all(...values) as Row[];
        return { rows, changes: rows.length };
      }
      return { rows: [], changes: statement.run(...values).changes };
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
