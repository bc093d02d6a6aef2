// The SQLite backend: one file, one process. Beside the database the app holds `<file>.lock`, a tiny
// SQLite file kept in exclusive locking mode for as long as it runs, so a second process on the same
// database (a second replica, an old copy still running) refuses to start with a StoreError instead of
// writing beside it; several replicas need PostgreSQL (DATABASE_URL). The operating system drops the
// lock when the process dies, however it dies. The database itself stays readable by other programs
// (`sqlite3 … .backup` while the app runs).
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

const inUse = (file: string) =>
  new StoreError(
    `${file}: already in use by another process (is the app already running?). SQLite serves one process; to run several replicas set DATABASE_URL to a PostgreSQL database.`,
  );
const cannotOpen = (file: string, error: unknown) =>
  new StoreError(
    `${file}: cannot open the database (${reasonOf(error)}). Check DATABASE_PATH and its folder's permissions.`,
  );
/** Opened, but not usable as this app's database: corrupt, another program's, locked or read-only. */
const cannotUse = (file: string, error: unknown) =>
  error instanceof StoreError
    ? error
    : new StoreError(
        `${file}: cannot use the database (${reasonOf(error)}). Check DATABASE_PATH: it must be this app's own database file (or a new one), writable by the app and not held open by another program.`,
      );
const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

/** Takes `<file>.lock` for this process, or says who has it. */
function lockFor(file: string): Database.Database | undefined {
  if (file === ':memory:') return undefined;
  let lock: Database.Database | undefined;
  try {
    // No busy wait: a lock another process holds is reported at once.
    lock = new Database(`${file}.lock`, { timeout: 0 });
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
    return lock;
  } catch (error) {
    lock?.close();
    throw isBusy(error) ? inUse(file) : cannotOpen(file, error);
  }
}

export function openSqliteDriver(file: string): SqlDriver {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw cannotOpen(file, error);
  }
  const lock = lockFor(file);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    lock?.close();
    throw cannotOpen(file, error);
  }
  try {
    // SQLite's recommendation for WAL: no corruption risk and nothing lost if the app crashes (only a
    // power cut can roll back the last commits), without an fsync per question.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // SQLite's own lower() folds ASCII only; PostgreSQL's folds every script. The stats group questions
    // by their lower-cased wording, so both backends must count "НЕ МОГУ ВОЙТИ" with "Не могу войти".
    db.function('lower', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLowerCase() : text,
    );
    migrateSqlite(db);
  } catch (error) {
    db.close();
    lock?.close();
    throw cannotUse(file, error);
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
      if (lock?.open) lock.close();
    },
  };
}
