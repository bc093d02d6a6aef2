// Opens the store the configuration names: SQLite (one file, one process; the default, nothing to
// install) or PostgreSQL (DATABASE_URL; several replicas on one database). Both run the same logs over
// a SqlDriver, so they behave the same and pass the same test suite.
import { createEscalationLog } from './escalation-log';
import { createEventLog } from './event-log';
import { createFeedbackLog } from './feedback-log';
import { createIdAllocator } from './id-blocks';
import { openPostgresDriver } from './postgres/postgres-driver';
import { createQuestionLog, type QuestionWriteEvents } from './question-log';
import { pruneOlderThan } from './retention';
import type { SqlDriver } from './sql-driver';
import { openSqliteDriver } from './sqlite/sqlite-driver';
import { createStatsReader } from './stats-reader';
import { StoreError } from './store-error';
import type { Store } from './types';

export type StoreTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; poolSize: number; statementTimeoutMs: number; schema?: string };

export interface StoreOptions extends QuestionWriteEvents {
  /** The clock, in milliseconds since the epoch (tests set it). */
  now?: () => number;
  /** Questions older than this many days are deleted, at start and every hour. Unset: kept. */
  retentionDays?: number;
  /** Most questions kept waiting while the database is down. */
  maxPending?: number;
  /** How soon to try the database again after it failed. */
  retryMs?: number;
  /** Errors that belong to no call: an idle PostgreSQL connection dropped, a retention run failed. */
  onBackgroundError?: (error: unknown, what: string) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** PostgreSQL: questions of the last 20 ms go in one INSERT (one round trip instead of one per turn). */
const POSTGRES_BATCH_MS = 20;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const reportToStderr = (what: string) => (error: unknown) => process.stderr.write(`${what}: ${reasonOf(error)}\n`);

export async function openStore(target: StoreTarget | string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const onBackgroundError =
    options.onBackgroundError ?? ((error: unknown, what: string) => reportToStderr(what)(error));
  const resolved: StoreTarget = typeof target === 'string' ? { kind: 'sqlite', path: target } : target;
  const driver: SqlDriver =
    resolved.kind === 'sqlite'
      ? openSqliteDriver(resolved.path)
      : await openPostgresDriver({
          url: resolved.url,
          poolSize: resolved.poolSize,
          statementTimeoutMs: resolved.statementTimeoutMs,
          ...(resolved.schema ? { schema: resolved.schema } : {}),
          onPoolError: (error) => onBackgroundError(error, 'database connection'),
        });
  let ids: Awaited<ReturnType<typeof createIdAllocator>>;
  try {
    ids = await createIdAllocator(driver, (error) => onBackgroundError(error, 'reserving question ids'), now);
  } catch (error) {
    await driver.close();
    // The schema is there, yet the first write failed (a corrupt page, a read-only file): name where.
    throw error instanceof StoreError
      ? error
      : new StoreError(
          `${driver.where}: cannot write to the database (${reasonOf(error)}). Check ${driver.dialect === 'sqlite' ? 'DATABASE_PATH: the file must be writable by the app and not damaged (restore a backup if it is)' : 'DATABASE_URL'}.`,
        );
  }
  const questions = createQuestionLog(driver, ids, {
    now,
    batchMs: resolved.kind === 'postgres' ? POSTGRES_BATCH_MS : 0,
    ...(options.retentionDays !== undefined ? { keptForMs: options.retentionDays * DAY_MS } : {}),
    onLost: options.onLost ?? ((error, lost) => reportToStderr(`Could not save ${lost} question(s)`)(error)),
    ...(options.onUnavailable ? { onUnavailable: options.onUnavailable } : {}),
    ...(options.onRecovered ? { onRecovered: options.onRecovered } : {}),
    ...(options.maxPending !== undefined ? { maxPending: options.maxPending } : {}),
    ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
  });

  const prune = (before: number) => pruneOlderThan(driver, before, now());
  let pruneTimer: NodeJS.Timeout | undefined;
  if (options.retentionDays !== undefined) {
    const days = options.retentionDays;
    const pruneNow = () =>
      prune(now() - days * DAY_MS).catch((error: unknown) => onBackgroundError(error, 'deleting old questions'));
    await pruneNow();
    pruneTimer = setInterval(pruneNow, PRUNE_EVERY_MS);
    pruneTimer.unref();
  }

  return {
    where: driver.where,
    questions,
    feedback: createFeedbackLog(driver, questions, now),
    escalations: createEscalationLog(driver, questions, now),
    stats: createStatsReader(driver, questions, now, options.retentionDays),
    events: createEventLog(driver, now),
    prune,
    async close() {
      if (pruneTimer) clearInterval(pruneTimer);
      try {
        await questions.flush();
      } catch (error) {
        const unsaved = questions.unsaved();
        if (unsaved > 0) (options.onLost ?? reportToStderr(`Could not save ${unsaved} question(s)`))(error, unsaved);
      } finally {
        questions.close();
        await driver.close();
      }
    },
  };
}
