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
  /** Told when questions written behind could not be saved (the person already has their answer). */
  onWriteError?: (error: unknown, lostQuestions: number) => void;
}

/** `log` with each method run after the pending questions are written: it may read or refer to them. */
function afterPendingQuestions<T extends object>(log: T, flush: () => void): T {
  const wrapped = Object.entries(log).map(([name, member]) => [
    name,
    typeof member === 'function'
      ? (...args: unknown[]) => {
          flush();
          return member(...args);
        }
      : member,
  ]);
  return Object.fromEntries(wrapped) as T;
}

const reportWriteError = (error: unknown, lostQuestions: number) =>
  process.stderr.write(
    `Could not save ${lostQuestions} question(s): ${error instanceof Error ? error.message : String(error)}\n`,
  );

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
  const questions = createQuestionLog(db, now, options.onWriteError ?? reportWriteError);
  return {
    questions,
    feedback: afterPendingQuestions(createFeedbackLog(db, now), questions.flush),
    escalations: afterPendingQuestions(createEscalationLog(db, now), questions.flush),
    stats: afterPendingQuestions(createStatsReader(db, now), questions.flush),
    close: () => {
      try {
        questions.flush();
      } finally {
        db.close();
      }
    },
  };
}
