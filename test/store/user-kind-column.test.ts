// The kind of user recorded with a question: a database made before the column existed is upgraded in
// place, its questions kept (with no kind), and new questions keep theirs across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AskerKind } from '../../src/knowledge/schema';
import { MIGRATIONS, migrate } from '../../src/store/migrations';
import { openStore } from '../../src/store/open-store';

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
  it('upgrades a database from before the column, keeping its questions', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old
      .prepare(
        `INSERT INTO questions (id, asked_at, user_id, surface, question, kind, topic_id, confidence)
         VALUES (1, 1, 'U0OLD0001', 'dm', 'old question', 'answer', 'mfa-device-lost', 0.7)`,
      )
      .run();
    old.close();

    const store = openStore(file);
    expect(store.questions.get(1)).toMatchObject({ question: 'old question', userId: 'U0OLD0001' });
    expect(store.questions.get(1)?.userKind).toBeUndefined();
    const id = store.questions.record(question('root'));
    store.close();
    const reopened = openStore(file);
    expect(reopened.questions.get(id)?.userKind).toBe('root');
    reopened.close();
  });

  it('refuses a kind that is not one', () => {
    const file = join(dir, 'new.sqlite');
    const errors: number[] = [];
    const store = openStore(file, { onWriteError: (_error, lost) => errors.push(lost) });
    const good = store.questions.record(question('federated'));
    const bad = store.questions.record(question('anyone' as AskerKind));
    expect(store.questions.get(good)?.userKind).toBe('federated');
    expect(store.questions.get(bad)).toBeUndefined();
    expect(errors).toEqual([1]);
    store.close();
  });
});
