// A real SQLite store in a fresh temp folder, with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/types';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface TempStore {
  store: Store;
  file: string;
  clock: { now: number };
  /** Closes and opens the same file again, as a restart would. */
  reopen(): Store;
  cleanup(): void;
}

export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'aws-signin-store-'));
  const file = join(dir, 'nested', 'aws-signin.sqlite');
  const clock = { now: START };
  const open = () => openStore(file, { now: () => clock.now });
  const temp: TempStore = {
    store: open(),
    file,
    clock,
    reopen() {
      temp.store.close();
      temp.store = open();
      return temp.store;
    },
    cleanup() {
      try {
        temp.store.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}
