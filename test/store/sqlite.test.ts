// What only the SQLite backend has: a file, its migrations, and the rule that one process uses it.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ID_BLOCK_SIZE } from '../../src/store/id-blocks';
import { openStore } from '../../src/store/open-store';
import { isRowError } from '../../src/store/sql-driver';
import { migrateSqlite, SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations';
import { StoreError } from '../../src/store/store-error';
import { type TempStore, tempStore } from '../helpers/temp-store';

let temp: TempStore;
beforeEach(async () => {
  temp = await tempStore('sqlite');
});
afterEach(() => temp.cleanup());

const question = {
  question: 'lost my mfa',
  kind: 'answer' as const,
  topicId: 'mfa-device-lost',
  confidence: 0.6,
  userId: 'U1',
  surface: 'command' as const,
};

describe('the SQLite file', () => {
  it('refuses a second process on the same file, naming the file', async () => {
    await expect(openStore(temp.file)).rejects.toThrow(StoreError);
    await expect(openStore(temp.file)).rejects.toThrow(/aws-signin\.sqlite: already in use by another process/);
    // A real second process too, as a second replica would be: the app's lock beside the file is held.
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(`${temp.file}.lock`)}, { timeout: 0 }); db.exec('BEGIN EXCLUSIVE; COMMIT;');`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status).not.toBe(0);
    expect(child.stderr).toMatch(/database is locked/);
  });

  it('is free again when the process that held it is killed (kill -9), and refused while it lives', async () => {
    await temp.store.close();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(`${temp.file}.lock`)}, { timeout: 0 }); db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE; COMMIT;'); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout?.once('data', resolve));
    await expect(openStore(temp.file)).rejects.toThrow(/already in use by another process/);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const store = await openStore(temp.file);
    expect(store.questions.record(question)).toBeGreaterThan(0);
    await store.close();
  });

  it('stays readable by other programs while the app runs (a backup), with what the app wrote', async () => {
    temp.store.questions.record(question);
    await temp.store.stats.usage();
    const reader = new Database(temp.file, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    } finally {
      reader.close();
    }
  });

  it('is usable again once the app that held it has closed', async () => {
    await temp.store.close();
    const again = await openStore(temp.file);
    expect(again.questions.record(question)).toBeGreaterThan(0);
    await again.close();
  });

  it('upgrades a file of the previous version: ids above every old one, old escalations kept', async () => {
    await temp.store.close();
    const file = `${temp.file}.v1.sqlite`;
    const db = new Database(file);
    migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO questions (id, asked_at, user_id, surface, question, kind, confidence) VALUES (7, 1, 'U1', 'dm', 'old', 'answer', 1)",
    ).run();
    db.prepare(
      "INSERT INTO escalations (id, question_id, requester_id, topic_id, state, created_at) VALUES (3, 7, 'U1', 't', 'open', 1)",
    ).run();
    db.close();
    const store = await openStore(file);
    try {
      const first = store.questions.record(question);
      expect(first).toBeGreaterThan(7);
      expect(first % ID_BLOCK_SIZE).toBe(0);
      // The old escalation was never posted: the next click posts it.
      expect(await store.escalations.open({ questionId: 7, requesterId: 'U1', topicId: 't' })).toMatchObject({
        created: true,
        escalation: { id: 3 },
      });
    } finally {
      await store.close();
    }
  });

  it('restored from the backup taken before an upgrade (docs/deploy.md), gives no id on a card or post again', async () => {
    await temp.store.close();
    const backup = `${temp.file}.backup`;
    const asked = (userId: string, text: string) => ({ ...question, userId, question: text });
    let store = await openStore(temp.file, { now: () => temp.clock.now });
    store.questions.record(asked('U0EARLY001', 'before the backup'));
    await store.close();
    copyFileSync(temp.file, backup);

    // The new version runs for a while: Alice asks and asks her administrators; her card and the post are in Slack.
    temp.clock.now += 10 * 60 * 1000;
    store = await openStore(temp.file, { now: () => temp.clock.now });
    const alice = store.questions.record(asked('U0ALICE001', 'alice: my IAM password for prod'));
    const { escalation: aliceRequest } = await store.escalations.open({
      questionId: alice,
      requesterId: 'U0ALICE001',
      topicId: 'iam-password-reset',
    });
    await store.close();

    // Rolled back: the backup restored, the app started again, and Bob asks.
    temp.clock.now += 10 * 60 * 1000;
    copyFileSync(backup, temp.file);
    store = await openStore(temp.file, { now: () => temp.clock.now });
    try {
      const bob = store.questions.record(asked('U0BOB00001', 'bob: something private'));
      expect(bob).not.toBe(alice);
      const { escalation: bobRequest } = await store.escalations.open({
        questionId: bob,
        requesterId: 'U0BOB00001',
        topicId: 'iam-password-reset',
      });
      // Resolved on Alice's old post (its buttons carry her request's id and time) does not touch Bob's.
      expect(await store.escalations.resolve(aliceRequest.id, 'U0ADMIN001', aliceRequest.createdAt)).toEqual({
        result: 'not-found',
      });
      expect((await store.escalations.get(bobRequest.id))?.state).toBe('open');
    } finally {
      await store.close();
    }
  });

  it('refuses a file made by a newer version, naming the file', async () => {
    await temp.store.close();
    const db = new Database(temp.file);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    db.close();
    await expect(openStore(temp.file)).rejects.toThrow(/aws-signin\.sqlite: made by a newer version/);
  });

  it('says which file it cannot open, as a StoreError', async () => {
    const notADatabase = `${temp.file}.txt`;
    writeFileSync(notADatabase, 'this is not a database, just some text that is long enough to have a header');
    await expect(openStore(notADatabase)).rejects.toThrow(StoreError);
    await expect(openStore(notADatabase)).rejects.toThrow(/cannot open the database/);
  });

  it('refuses, to its asker, a question whose user id is not a string, and saves everyone else', async () => {
    const asObject = { id: 'U0WEIRD01' } as unknown as string;
    expect(() => temp.store.questions.record({ ...question, userId: asObject })).toThrow(
      /Not a question that can be saved: the user id/,
    );
    temp.store.questions.record({ ...question, question: 'saved after' });
    const stats = await temp.store.stats.usage();
    expect(stats.questions).toBe(1);
    expect(stats.unsaved).toBe(0);
  });

  it('drops a row the driver cannot bind instead of retrying it forever in front of the others', async () => {
    expect(isRowError(new RangeError('Too few parameter values were provided'))).toBe(true);
    expect(isRowError(new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null'))).toBe(true);
    expect(isRowError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('saves the rest of a batch when the database refuses one question, and reports the one lost', async () => {
    const failures: Array<[unknown, number]> = [];
    await temp.store.close();
    const store = await openStore(temp.file, { onLost: (error, lost) => failures.push([error, lost]) });
    try {
      store.questions.record({ ...question, question: 'saved before' });
      // The schema refuses an outcome kind it does not know.
      store.questions.record({ ...question, kind: 'not-a-kind' as 'answer' });
      store.questions.record({ ...question, question: 'saved after' });
      const stats = await store.stats.usage();
      expect(failures).toHaveLength(1);
      expect(failures[0]?.[1]).toBe(1);
      expect(String(failures[0]?.[0])).toMatch(/CHECK constraint/);
      expect(stats.questions).toBe(2);
      // Not silently missing: the stats say one question will never be counted (not that it is on its way).
      expect(stats.lost).toBe(1);
      expect(stats.unsaved).toBe(0);
    } finally {
      await store.close();
    }
  });
});
