// Questions are written behind (one transaction per turn of the event loop); nothing may be lost or
// read stale because of it.
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open-store';
import { type TempStore, tempStore } from '../helpers/temp-store';

const question = (text: string) => ({
  question: text,
  kind: 'answer' as const,
  topicId: 'mfa-device-lost',
  confidence: 0.6,
  userId: 'U1',
  surface: 'command' as const,
  channelId: 'C1',
});

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

const rowsOnDisk = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('question writes', () => {
  it('hands out ids at once and writes them together on the next turn of the event loop', async () => {
    const ids = [temp.store.questions.record(question('a')), temp.store.questions.record(question('b'))];
    expect(ids[1]).toBe((ids[0] as number) + 1);
    expect(rowsOnDisk(temp.file)).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rowsOnDisk(temp.file)).toBe(2);
  });

  it('lets reads, feedback and stats see a question written a moment ago', () => {
    const id = temp.store.questions.record(question('lost my yubikey'));
    expect(temp.store.questions.get(id)?.question).toBe('lost my yubikey');
    const other = temp.store.questions.record(question('forgot root password'));
    expect(
      temp.store.feedback.save({ questionId: other, userId: 'U1', topicId: 'mfa-device-lost', helpful: true }),
    ).toBe(true);
    const third = temp.store.questions.record(question('mfa lost'));
    expect(temp.store.stats.usage().questions).toBe(3);
    expect(third).toBe(id + 2);
  });

  it('writes what is pending on close, and carries on numbering after a restart', () => {
    const id = temp.store.questions.record(question('written on close'));
    const reopened = temp.reopen();
    expect(reopened.questions.get(id)?.question).toBe('written on close');
    expect(reopened.questions.record(question('after restart'))).toBe(id + 1);
  });

  it('saves the rest of a batch when the database refuses one question, and reports the one lost', async () => {
    const failures: Array<[unknown, number]> = [];
    temp.store.close();
    const store = openStore(temp.file, { onWriteError: (error, lost) => failures.push([error, lost]) });
    try {
      store.questions.record(question('saved before'));
      // The schema refuses an outcome kind it does not know.
      store.questions.record({ ...question('refused'), kind: 'not-a-kind' as 'answer' });
      store.questions.record(question('saved after'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.[1]).toBe(1);
      expect(String(failures[0]?.[0])).toMatch(/CHECK constraint/);
      expect(rowsOnDisk(temp.file)).toBe(2);
    } finally {
      store.close();
    }
  });
});
