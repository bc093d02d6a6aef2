// Question ids, handed out without waiting for the database yet never twice: each process reserves a
// block of ids from the database (one atomic UPDATE ... RETURNING, so two replicas never get the same
// block, and a restart never reuses one) and numbers its questions within it. The next block is
// reserved when half of the current one is used, so an outage has half a block (524,288 questions)
// before a question goes unrecorded.
//
// A block is never numbered below the seconds elapsed since ID_EPOCH_MS: a database restored from a
// backup (docs/deploy.md, rolling back an upgrade) counts on from where the backup stood, and would
// hand out again the ids on cards still in Slack. Blocks are reserved far less often than once a
// second, so the clock is always ahead of any block reserved before the backup was restored.
import type { SqlDriver } from './sql-driver';

export const ID_BLOCK_SIZE = 1_048_576;
/** Block numbers count seconds from here: ids stay below 10^15 (what a card's button carries) until 2056. */
export const ID_EPOCH_MS = Date.UTC(2026, 0, 1);
const RESERVE_RETRY_MS = 1000;

export interface IdAllocator {
  /** The next id; throws when the block is used up and the next could not be reserved. */
  next(): number;
}

export class NoIdsLeftError extends Error {
  override readonly name = 'NoIdsLeftError';
}

/**
 * The earliest a question with this id can have been asked: its block was numbered no lower than the
 * second it was reserved, before any of its ids went out. (Only when blocks are reserved faster than one
 * a second does a number run ahead of the clock, by as many seconds.)
 */
export const earliestAskedAt = (id: number): number => ID_EPOCH_MS + Math.floor(id / ID_BLOCK_SIZE) * 1000;

/** A process changes to a new block at least this often, so its ids keep telling roughly when they were handed out. */
export const BLOCK_RENEWAL_MS = 24 * 60 * 60 * 1000;

/** The lowest block a reservation made at `nowMs` may get. */
export const blockFloor = (nowMs: number): number => Math.max(0, Math.floor((nowMs - ID_EPOCH_MS) / 1000));

/**
 * PostgreSQL runs with synchronous_commit off (docs/deploy.md): a server crash may lose the last commits.
 * A block reservation must not be one of them (the block is in use, and would be handed out again), so
 * this one statement waits for its commit to reach the disk: set_config(…, true) holds for its transaction.
 */
const RESERVE_SQL = {
  postgres: `UPDATE id_blocks SET next_block = GREATEST(next_block, $1) + 1
    FROM (SELECT set_config('synchronous_commit', 'on', true)) AS durable
    WHERE name = 'questions' RETURNING next_block - 1 AS block`,
  sqlite:
    "UPDATE id_blocks SET next_block = max(next_block, $1) + 1 WHERE name = 'questions' RETURNING next_block - 1 AS block",
};

async function reserveBlock(driver: SqlDriver, nowMs: number): Promise<number> {
  const { rows } = await driver.query<{ block: number | string }>(RESERVE_SQL[driver.dialect], [blockFloor(nowMs)]);
  const block = rows[0]?.block;
  if (block === undefined) throw new Error('id_blocks has no row for questions');
  return Number(block);
}

export async function createIdAllocator(
  driver: SqlDriver,
  onReserveError: (error: unknown) => void = () => undefined,
  now: () => number = Date.now,
): Promise<IdAllocator> {
  let block = await reserveBlock(driver, now());
  let blockSince = now();
  let offset = 0;
  let nextBlock: number | undefined;
  let reserving = false;
  let failedAt = Number.NEGATIVE_INFINITY;

  function reserveNext(): void {
    // While the database is down, one attempt (and one report) a second, not one per question.
    if (reserving || nextBlock !== undefined || Date.now() - failedAt < RESERVE_RETRY_MS) return;
    reserving = true;
    reserveBlock(driver, now())
      .then(
        (reserved) => {
          nextBlock = reserved;
        },
        (error: unknown) => {
          failedAt = Date.now();
          onReserveError(error);
        },
      )
      .finally(() => {
        reserving = false;
      });
  }

  const aged = (): boolean => now() - blockSince >= BLOCK_RENEWAL_MS;

  return {
    next() {
      if (offset >= ID_BLOCK_SIZE || (aged() && nextBlock !== undefined)) {
        if (nextBlock === undefined) {
          reserveNext();
          throw new NoIdsLeftError('No question ids left: the database could not be reached to reserve more');
        }
        block = nextBlock;
        blockSince = now();
        nextBlock = undefined;
        offset = 0;
      }
      if (offset >= ID_BLOCK_SIZE / 2 || aged()) reserveNext();
      return block * ID_BLOCK_SIZE + offset++;
    },
  };
}
