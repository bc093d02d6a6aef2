// The kind of user recorded with a question: a database made before the column existed is upgraded in
// place, its questions kept (with no kind), and new questions keep theirs across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AskerKind } from '../../src/knowledge/schema';
import { openStore, type StoreTarget } from '../../src/store/open-store';
import { migrateSqlite, SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aws-signin-kind-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const question = (userKind?: AskerKind) => ({
  userId: 'U0ASKER01',
  surface: 'dm' as const,
  question: 'lost my mfa as root',
  kind: 'answer' as const,
  topicId: 'mfa-device-lost',
  confidence: 0.8,
  ...(userKind ? { userKind } : {}),
});

describe('questions.user_kind', () => {
  it('upgrades a database from before the column, keeping its questions', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrateSqlite(old, SQLITE_MIGRATIONS.slice(0, -1));
    old
      .prepare(
        `INSERT INTO questions (id, asked_at, user_id, surface, question, kind, topic_id, confidence)
         VALUES (1, 1, 'U0OLD0001', 'dm', 'old question', 'answer', 'mfa-device-lost', 0.7)`,
      )
      .run();
    old.close();

    const target: StoreTarget = { kind: 'sqlite', path: file };
    const store = await openStore(target);
    expect(await store.questions.get(1)).toMatchObject({ question: 'old question', userId: 'U0OLD0001' });
    expect((await store.questions.get(1))?.userKind).toBeUndefined();
    const id = store.questions.record(question('root'));
    await store.close();
    const reopened = await openStore(target);
    expect((await reopened.questions.get(id))?.userKind).toBe('root');
    await reopened.close();
  });

  it('refuses a kind that is not one, and keeps the good ones', async () => {
    const target: StoreTarget = { kind: 'sqlite', path: join(dir, 'new.sqlite') };
    const lost: number[] = [];
    const store = await openStore(target, { onLost: (_error, n) => lost.push(n) });
    const good = store.questions.record(question('federated'));
    const bad = store.questions.record(question('anyone' as AskerKind));
    await store.close();
    const reopened = await openStore(target);
    expect((await reopened.questions.get(good))?.userKind).toBe('federated');
    expect(await reopened.questions.get(bad)).toBeUndefined();
    expect(lost).toEqual([1]);
    await reopened.close();
  });
});
