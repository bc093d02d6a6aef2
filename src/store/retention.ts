// How long the store keeps what people typed (RETENTION_DAYS, docs/security.md): questions asked before
// a cutoff are deleted with their feedback and resolved escalations. A question someone is still waiting
// on (an escalation not resolved) is kept until it is resolved. Every statement is idempotent, so
// replicas running it at once, or a run cut short, leave the data consistent.
import type { SqlDriver } from './sql-driver';

/** Redelivered-event keys are kept a day: Slack retries within minutes. */
const EVENT_KEYS_KEPT_MS = 24 * 60 * 60 * 1000;

const OLD_QUESTIONS = `SELECT id FROM questions WHERE asked_at < $1 AND NOT EXISTS
  (SELECT 1 FROM escalations e WHERE e.question_id = questions.id AND e.state <> 'resolved')`;

/**
 * Questions deleted per round, with their feedback and escalations. A backlog (retention first turned on,
 * or shortened, on a large database) goes in many short statements: one statement for all of it ran
 * past PostgreSQL's statement timeout every hour and nothing was ever deleted.
 */
export const PRUNE_BATCH = 5000;

/** Deletes what was asked before `before`; returns how many questions went. */
export async function pruneOlderThan(driver: SqlDriver, before: number, now: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rows } = await driver.query<{ id: number | string }>(`${OLD_QUESTIONS} ORDER BY id LIMIT ${PRUNE_BATCH}`, [
      before,
    ]);
    const ids = rows.map((row) => Number(row.id)).filter(Number.isSafeInteger);
    if (ids.length === 0) break;
    // Ids from the database, checked as integers: written into the statement, not 5,000 parameters.
    const list = ids.join(',');
    await driver.query(`DELETE FROM feedback WHERE question_id IN (${list})`);
    await driver.query(`DELETE FROM escalations WHERE state = 'resolved' AND question_id IN (${list})`);
    const { changes } = await driver.query(
      `DELETE FROM questions WHERE id IN (${list}) AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.question_id = questions.id)`,
    );
    deleted += changes;
    if (rows.length < PRUNE_BATCH) break;
  }
  await driver.query('DELETE FROM seen_events WHERE seen_at < $1', [now - EVENT_KEYS_KEPT_MS]);
  return deleted;
}
