// How long the store keeps what people typed (RETENTION_DAYS, docs/security.md): questions asked before
// a cutoff are deleted with their feedback and resolved escalations. A question someone is still waiting
// on (an escalation not resolved) is kept until it is resolved. Every statement is idempotent, so
// replicas running it at once, or a run cut short, leave the data consistent.
import type { SqlDriver } from './sql-driver';

/** Redelivered-event keys are kept a day: Slack retries within minutes. */
const EVENT_KEYS_KEPT_MS = 24 * 60 * 60 * 1000;

const OLD_QUESTIONS = `SELECT id FROM questions WHERE asked_at < $1 AND NOT EXISTS
  (SELECT 1 FROM escalations e WHERE e.question_id = questions.id AND e.state <> 'resolved')`;

/** Deletes what was asked before `before`; returns how many questions went. */
export async function pruneOlderThan(driver: SqlDriver, before: number, now: number): Promise<number> {
  await driver.query(`DELETE FROM feedback WHERE question_id IN (${OLD_QUESTIONS})`, [before]);
  await driver.query(`DELETE FROM escalations WHERE state = 'resolved' AND question_id IN (${OLD_QUESTIONS})`, [
    before,
  ]);
  const { changes } = await driver.query(
    'DELETE FROM questions WHERE asked_at < $1 AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.question_id = questions.id)',
    [before],
  );
  await driver.query('DELETE FROM seen_events WHERE seen_at < $1', [now - EVENT_KEYS_KEPT_MS]);
  return changes;
}
