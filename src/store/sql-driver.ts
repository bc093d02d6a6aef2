// What the store's logs need from a database: run one statement, get rows and how many rows it changed.
// SQL is written once for both backends, with PostgreSQL's $1, $2 placeholders (the SQLite driver
// rewrites them); every statement the store runs is a single statement, so each is atomic on its own
// and replicas agree without transactions spanning several round trips.

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (or returned, for RETURNING). */
  changes: number;
}

export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the data is, for messages: a file path, or host/database (never a password). */
  readonly where: string;
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  close(): Promise<void>;
}

/**
 * An error that belongs to the rows written (a constraint or a value the schema refuses), as opposed to
 * the database being unreachable: those rows will never be saved, retrying cannot help.
 */
export function isRowError(error: unknown): boolean {
  // A value the driver cannot bind (better-sqlite3 throws these before the database is asked): that row
  // can never be written, however often it is tried, and must not hold up the rows behind it.
  if (error instanceof TypeError || error instanceof RangeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // SQLite: SQLITE_CONSTRAINT_*, SQLITE_MISMATCH, SQLITE_TOOBIG. PostgreSQL: class 22 (data), 23 (integrity).
  return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG)/.test(code) || /^2[23][0-9A-Z]{3}$/.test(code);
}
