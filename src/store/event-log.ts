// Which Slack events were already answered, shared by every replica: one row per event key, claimed with
// an INSERT (the primary key makes exactly one replica the first), taken over once it has expired. The
// checks asked during one turn of the event loop go to the database as one statement: under load that
// is one round trip for many events instead of one each.
import type { SqlDriver } from './sql-driver';
import type { EventLog } from './types';

/** Keys longer than this are cut (a key is an id Slack gave, never this long). */
const MAX_KEY_CHARS = 200;
/** Keys per statement: two parameters each stays far below both databases' limits. */
const BATCH_KEYS = 500;

interface Waiting {
  key: string;
  ttlMs: number;
  resolve(first: boolean): void;
  reject(error: unknown): void;
}

function claimSql(keys: number): string {
  // $1: now, $2: the expiry cutoff, then one key each.
  const values = Array.from({ length: keys }, (_, i) => `($${i + 3}, $1)`).join(', ');
  return `INSERT INTO seen_events (key, seen_at) VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_events.seen_at < $2
    RETURNING key`;
}

export function createEventLog(driver: SqlDriver, now: () => number): EventLog {
  let queue: Waiting[] = [];
  let scheduled = false;

  async function claim(batch: Waiting[], ttlMs: number): Promise<void> {
    // The same key twice in one statement is an error: the first asker gets the database's answer,
    // any other asker of that key in the batch is a repeat.
    const firstAsker = new Map<string, Waiting>();
    for (const waiting of batch) if (!firstAsker.has(waiting.key)) firstAsker.set(waiting.key, waiting);
    const keys = [...firstAsker.keys()];
    try {
      const at = now();
      const { rows } = await driver.query<{ key: string }>(claimSql(keys.length), [at, at - ttlMs, ...keys]);
      const claimed = new Set(rows.map((row) => row.key));
      for (const waiting of batch) waiting.resolve(firstAsker.get(waiting.key) === waiting && claimed.has(waiting.key));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  function flush(): void {
    scheduled = false;
    const all = queue;
    queue = [];
    const byTtl = new Map<number, Waiting[]>();
    for (const waiting of all) byTtl.set(waiting.ttlMs, [...(byTtl.get(waiting.ttlMs) ?? []), waiting]);
    for (const [ttlMs, batch] of byTtl) {
      for (let start = 0; start < batch.length; start += BATCH_KEYS) {
        void claim(batch.slice(start, start + BATCH_KEYS), ttlMs);
      }
    }
  }

  return {
    firstDelivery(key, ttlMs) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ key: key.slice(0, MAX_KEY_CHARS), ttlMs, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
