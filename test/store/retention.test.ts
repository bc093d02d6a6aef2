// Retention on a large backlog (RETENTION_DAYS first set, or shortened, on a database holding a year of
// questions): deleted in rounds of PRUNE_BATCH, each a short statement, so a statement timeout on
// PostgreSQL no longer fails every hourly run with nothing deleted. And a failure of the run at start,
// before the app's logger exists, is still reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeLogging } from '../../src/app';
import { openStore } from '../../src/store/open-store';
import { PRUNE_BATCH, pruneOlderThan } from '../../src/store/retention';
import type { SqlDriver } from '../../src/store/sql-driver';
import { openSqliteDriver } from '../../src/store/sqlite/sqlite-driver';
import { DAY, START } from '../helpers/temp-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aws-signin-retention-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('deletes a backlog larger than one round in rounds, every statement touching at most PRUNE_BATCH rows', async () => {
  const file = join(dir, 'aws-signin.sqlite');
  const clock = { now: START };
  const store = await openStore(file, { now: () => clock.now, maxPending: PRUNE_BATCH * 3 });
  const backlog = PRUNE_BATCH * 2 + 7;
  for (let i = 0; i < backlog; i++) {
    store.questions.record({
      userId: 'U1',
      surface: 'dm',
      question: `q${i}`,
      kind: 'answer',
      topicId: 't',
      confidence: 1,
    });
  }
  const waiting = store.questions.record({
    userId: 'U2',
    surface: 'dm',
    question: 'still waiting',
    kind: 'answer',
    topicId: 't',
    confidence: 1,
  });
  await store.escalations.open({ questionId: waiting, requesterId: 'U2', topicId: 't' });
  await store.close();

  const driver = openSqliteDriver(file);
  const touched: number[] = [];
  const recording: SqlDriver = {
    ...driver,
    dialect: driver.dialect,
    where: driver.where,
    query: async <Row>(sql: string, params?: readonly unknown[]) => {
      const result = await driver.query<Row>(sql, params);
      if (/^\s*DELETE/i.test(sql)) touched.push(result.changes);
      return result;
    },
  };
  try {
    expect(await pruneOlderThan(recording, START + 100 * DAY, START + 100 * DAY)).toBe(backlog);
    expect(Math.max(...touched)).toBeLessThanOrEqual(PRUNE_BATCH);
    const { rows } = await driver.query<{ n: number }>('SELECT count(*) AS n FROM questions');
    // The question someone is still waiting on stays.
    expect(rows[0]?.n).toBe(1);
  } finally {
    await driver.close();
  }
});

it('reports a store failure that comes before the app has a logger (the retention run at start)', () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((line) => {
    written.push(String(line));
    return true;
  });
  try {
    storeLogging(() => undefined).onBackgroundError?.(
      new Error('canceling statement due to statement timeout'),
      'deleting old questions',
    );
  } finally {
    spy.mockRestore();
  }
  expect(written.join('')).toContain('deleting old questions failed: canceling statement due to statement timeout');
});
