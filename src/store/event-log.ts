// Which Slack events were already answered, shared by every replica: one row per event key, claimed with
// one INSERT (the primary key makes exactly one replica the first), taken over once it has expired.
import type { SqlDriver } from './sql-driver';
import type { EventLog } from './types';

/** Keys longer than this are cut (a key is an id Slack gave, never this long). */
const MAX_KEY_CHARS = 200;

export function createEventLog(driver: SqlDriver, now: () => number): EventLog {
  return {
    async firstDelivery(key, ttlMs) {
      const at = now();
      const { changes } = await driver.query(
        `INSERT INTO seen_events (key, seen_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_events.seen_at < $3`,
        [key.slice(0, MAX_KEY_CHARS), at, at - ttlMs],
      );
      return changes > 0;
    },
  };
}
