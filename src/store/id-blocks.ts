// Question ids, handed out without waiting for the database yet never twice: each process reserves a
// block of ids from the database (one atomic UPDATE ... RETURNING, so two replicas never get the same
// block, and a restart never reuses one) and numbers its questions within it. The next block is
// reserved when half of the current one is used, so an outage has half a block (524,288 questions)
// before a question goes unrecorded.
import type { SqlDriver } from './sql-driver';

export const ID_BLOCK_SIZE = 1_048_576;
const RESERVE_RETRY_MS = 1000;

export interface IdAllocator {
  /** The next id; throws when the block is used up and the next could not be reserved. */
  next(): number;
}

export class NoIdsLeftError extends Error {
  override readonly name = 'NoIdsLeftError';
}

async function reserveBlock(driver: SqlDriver): Promise<number> {
  const { rows } = await driver.query<{ block: number }>(
    "UPDATE id_blocks SET next_block = next_block + 1 WHERE name = 'questions' RETURNING next_block - 1 AS block",
  );
  const block = rows[0]?.block;
  if (block === undefined) throw new Error('id_blocks has no row for questions');
  return block;
}

export async function createIdAllocator(
  driver: SqlDriver,
  onReserveError: (error: unknown) => void = () => undefined,
): Promise<IdAllocator> {
  let block = await reserveBlock(driver);
  let offset = 0;
  let nextBlock: number | undefined;
  let reserving = false;
  let failedAt = Number.NEGATIVE_INFINITY;

  function reserveNext(): void {
    // While the database is down, one attempt (and one report) a second, not one per question.
    if (reserving || nextBlock !== undefined || Date.now() - failedAt < RESERVE_RETRY_MS) return;
    reserving = true;
    reserveBlock(driver)
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

  return {
    next() {
      if (offset >= ID_BLOCK_SIZE) {
        if (nextBlock === undefined) {
          reserveNext();
          throw new NoIdsLeftError('No question ids left: the database could not be reached to reserve more');
        }
        block = nextBlock;
        nextBlock = undefined;
        offset = 0;
      }
      if (offset >= ID_BLOCK_SIZE / 2) reserveNext();
      return block * ID_BLOCK_SIZE + offset++;
    },
  };
}
