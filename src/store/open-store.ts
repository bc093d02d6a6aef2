// Opens the app's SQLite database (creating its folder and schema), in WAL mode so a crash never leaves
// it half-written. Everything the app keeps goes through the Store this returns.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createEscalationLog } from './escalation-log';
import { createFeedbackLog } from './feedback-log';
import { migrate } from './migrations';
import { createQuestionLog } from './question-log';
import { createStatsReader } from './stats-reader';
import { StoreError } from './store-error';
import type { Store } from './types';

export interface StoreOptions {
  /** The clock, in milliseconds since the epoch (tests set it). */
  now?: () => number;
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      `${file}: cannot open the database (${reason}). Check DATABASE_PATH and its folder's permissions.`,
    );
  }
  try {
    // SQLite's recommendation for WAL: no corruption risk and nothing lost if the app crashes (only a
    // power cut can roll back the last commits), without an fsync per question (0.075 -> 0.011 ms).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    questions: createQuestionLog(db, now),
    feedback: createFeedbackLog(db, now),
    escalations: createEscalationLog(db, now),
    stats: createStatsReader(db, now),
    close: () => db.close(),
  };
}
