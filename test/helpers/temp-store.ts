// A real store for a test, with a clock the test moves by hand: SQLite in a fresh temp folder, or
// PostgreSQL (the local server, see test/global-setup.js) in a schema of its own, dropped at cleanup,
// so parallel runs on one server never see each other's rows.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore, type StoreOptions, type StoreTarget } from '../../src/store/open-store';
import type { Store } from '../../src/store/types';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export type Backend = 'sqlite' | 'postgres';

export const postgresAvailable = (): boolean => process.env.POSTGRES_AVAILABLE === '1';
export const postgresTestUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The backends this machine can test: SQLite always, PostgreSQL when global-setup reached it. */
export const BACKENDS: Backend[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TempStore {
  backend: Backend;
  store: Store;
  /** Where it is: open a second store on it (a replica) with openStore(target). */
  target: StoreTarget;
  /** The SQLite file (empty for PostgreSQL). */
  file: string;
  clock: { now: number };
  /** Another store on the same database (a second replica), closed at cleanup. */
  replica(options?: StoreOptions): Promise<Store>;
  /** Closes and opens the same database again, as a restart would. */
  reopen(options?: StoreOptions): Promise<Store>;
  cleanup(): Promise<void>;
}

/** A fresh PostgreSQL schema name for this test: pid and random, so parallel runs never collide. */
export const freshSchema = (): string => `t_${process.pid}_${randomBytes(4).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: postgresTestUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export function postgresTarget(schema: string, url = postgresTestUrl()): StoreTarget {
  return { kind: 'postgres', url, poolSize: 10, statementTimeoutMs: 5000, schema };
}

export async function tempStore(backend: Backend = 'sqlite', options: StoreOptions = {}): Promise<TempStore> {
  const clock = { now: START };
  const dir = backend === 'sqlite' ? mkdtempSync(join(tmpdir(), 'aws-signin-store-')) : undefined;
  const file = dir ? join(dir, 'nested', 'aws-signin.sqlite') : '';
  const schema = backend === 'postgres' ? freshSchema() : undefined;
  const target: StoreTarget = schema ? postgresTarget(schema) : { kind: 'sqlite', path: file };
  const open = (more: StoreOptions = {}) => openStore(target, { now: () => clock.now, ...options, ...more });
  const replicas: Store[] = [];
  const temp: TempStore = {
    backend,
    store: await open(),
    target,
    file,
    clock,
    async replica(more) {
      const store = await open(more);
      replicas.push(store);
      return store;
    },
    async reopen(more) {
      await temp.store.close();
      temp.store = await open(more);
      return temp.store;
    },
    async cleanup() {
      for (const store of [temp.store, ...replicas]) await store.close().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
  return temp;
}
