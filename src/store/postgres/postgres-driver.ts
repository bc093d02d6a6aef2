// The PostgreSQL backend, for several replicas on one database: a connection pool of a set size, a
// statement timeout on every statement, migrations applied under a lock at start. A pool error (the
// server restarting) is reported, never thrown at the process: the store keeps recordings queued and
// catches up when the server is back.
import { Pool, type PoolClient, types as pgTypes } from 'pg';
import type { QueryResult, SqlDriver } from '../sql-driver';
import { StoreError } from '../store-error';
import { migratePostgres } from './migrations';

export interface PostgresOptions {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** A schema to work in (tests give each run its own); default: the server's search_path. */
  schema?: string;
  /** Told about errors of idle connections (a server restart); the store's own calls report theirs. */
  onPoolError?: (error: Error) => void;
}

/** Counts (bigint) and ids come back as numbers: every value the store keeps is far below 2^53. */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? Number : pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser,
};

/** host:port/database, for messages; the URL may hold a password and is never shown whole. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || ''}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function openPostgresDriver(options: PostgresOptions): Promise<SqlDriver> {
  const where = describePostgresUrl(options.url);
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new StoreError(`${where}: schema "${options.schema}" must be a plain lower-case name`);
  }
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    // The same bound on our side: a server that vanished without closing the connection (a network
    // partition) fails the call instead of holding it, and the queue behind it, for ever.
    query_timeout: options.statementTimeoutMs + 1000,
    keepAlive: true,
    // A stopped server refuses at once; this bounds a connection (or a wait for a free one in the pool)
    // that does not come, on a loaded machine too: then the call fails and the store queues.
    connectionTimeoutMillis: Math.max(5000, 2 * options.statementTimeoutMs),
    idleTimeoutMillis: 30_000,
    types,
    options: [
      ...(options.schema ? [`-c search_path=${options.schema}`] : []),
      // What SQLite's synchronous=NORMAL gives the single-process app: a commit does not wait for its
      // WAL flush. A server crash can lose the last fraction of a second of commits, never corrupt.
      '-c synchronous_commit=off',
    ].join(' '),
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  let client: PoolClient | undefined;
  try {
    client = await pool.connect();
    if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await migratePostgres(client, where);
    client.release();
  } catch (error) {
    client?.release(true);
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${where}: cannot open the database (${reasonOf(error)}). Check DATABASE_URL.`);
  }

  // Each statement prepared once per connection (by name) rather than parsed and planned on every call.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `s${names.size + 1}`;
      names.set(sql, name);
    }
    return name;
  };

  return {
    dialect: 'postgres',
    where,
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await pool.query({ name: nameOf(sql), text: sql, values: params as unknown[] });
      return { rows: result.rows as Row[], changes: result.rowCount ?? 0 };
    },
    async close() {
      await pool.end();
    },
  };
}
