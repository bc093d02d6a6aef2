// The store against a real SQLite file: schema and migrations, restart, escalation states, feedback, stats.
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../src/store/migrations';
import { openStore } from '../../src/store/open-store';
import { StoreError } from '../../src/store/store-error';
import type { NewQuestion, Store } from '../../src/store/types';
import { DAY, HOUR, type TempStore, tempStore } from '../helpers/temp-store';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

const typed = (question: string, overrides: Partial<NewQuestion> = {}): NewQuestion => ({
  userId: 'U0ASKER01',
  surface: 'command',
  channelId: 'C0CHANNEL1',
  question,
  kind: 'answer',
  topicId: 'mfa-device-lost',
  confidence: 0.9,
  ...overrides,
});

describe('opening the database', () => {
  it('creates the folder and file, in WAL mode, at the newest schema', () => {
    expect(existsSync(temp.file)).toBe(true);
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps everything across a restart', () => {
    const id = temp.store.questions.record(typed('lost my mfa'));
    temp.store.feedback.save({ questionId: id, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: false });
    const { escalation } = temp.store.escalations.open({
      questionId: id,
      requesterId: 'U0ASKER01',
      topicId: 'mfa-device-lost',
    });
    temp.store.escalations.claim(escalation.id, 'U0ADMIN01');

    const reopened = temp.reopen();
    expect(reopened.questions.get(id)?.question).toBe('lost my mfa');
    expect(reopened.feedback.get({ questionId: id, userId: 'U0ASKER01', topicId: 'mfa-device-lost' })?.helpful).toBe(
      false,
    );
    expect(reopened.escalations.get(escalation.id)).toMatchObject({ state: 'claimed', claimedBy: 'U0ADMIN01' });
    // The uniqueness rule survives the restart too.
    expect(
      reopened.escalations.open({ questionId: id, requesterId: 'U0ASKER01', topicId: 'mfa-device-lost' }).created,
    ).toBe(false);
  });

  it('applies only the migrations a file has not had yet', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE a (x)']);
    db.prepare('INSERT INTO a VALUES (1)').run();
    migrate(db, ['CREATE TABLE a (x)', 'ALTER TABLE a ADD COLUMN y']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 1, y: null }]);
    db.close();
  });

  it('refuses a file made by a newer version, naming the file', () => {
    temp.store.close();
    const db = new Database(temp.file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStore(temp.file)).toThrow(StoreError);
    expect(() => openStore(temp.file)).toThrow(/aws-signin\.sqlite: made by a newer version/);
  });

  it('says which file it cannot open, as a StoreError', () => {
    const notADatabase = `${temp.file}.txt`;
    writeFileSync(notADatabase, 'this is not a database, just some text that is long enough to have a header');
    expect(() => openStore(notADatabase)).toThrow(StoreError);
    expect(() => openStore(notADatabase)).toThrow(/cannot open the database/);
  });
});

describe('escalations', () => {
  function openOne(store: Store) {
    const questionId = store.questions.record(typed('my iam password expired', { topicId: 'iam-password-reset' }));
    return store.escalations.open({
      questionId,
      requesterId: 'U0ASKER01',
      topicId: 'iam-password-reset',
      originChannelId: 'C0CHANNEL1',
    });
  }

  it('goes open -> claimed -> resolved, with who and when', () => {
    const { escalation, created } = openOne(temp.store);
    expect(created).toBe(true);
    expect(escalation).toMatchObject({ state: 'open', question: 'my iam password expired', askedBy: 'U0ASKER01' });
    temp.clock.now += HOUR;
    const claimed = temp.store.escalations.claim(escalation.id, 'U0ADMIN01');
    expect(claimed).toMatchObject({ result: 'changed', escalation: { state: 'claimed', claimedBy: 'U0ADMIN01' } });
    temp.clock.now += HOUR;
    const resolved = temp.store.escalations.resolve(escalation.id, 'U0ADMIN01');
    expect(resolved).toMatchObject({ result: 'changed', escalation: { state: 'resolved', resolvedBy: 'U0ADMIN01' } });
    if (resolved.result === 'not-found') throw new Error('unreachable');
    expect((resolved.escalation.resolvedAt ?? 0) - (resolved.escalation.claimedAt ?? 0)).toBe(HOUR);
  });

  it('opens once per person and question; another person asking about it opens their own', () => {
    const first = openOne(temp.store);
    const again = temp.store.escalations.open({
      questionId: first.escalation.questionId,
      requesterId: 'U0ASKER01',
      topicId: 'iam-password-reset',
    });
    expect(again.created).toBe(false);
    expect(again.escalation.id).toBe(first.escalation.id);
    const colleague = temp.store.escalations.open({
      questionId: first.escalation.questionId,
      requesterId: 'U0COLLEAG1',
      topicId: 'iam-password-reset',
    });
    expect(colleague.created).toBe(true);
  });

  it('does not let a second administrator take over a claim, nor reopen a resolved one', () => {
    const { escalation } = openOne(temp.store);
    temp.store.escalations.claim(escalation.id, 'U0ADMIN01');
    expect(temp.store.escalations.claim(escalation.id, 'U0ADMIN02')).toMatchObject({
      result: 'unchanged',
      escalation: { claimedBy: 'U0ADMIN01' },
    });
    temp.store.escalations.resolve(escalation.id, 'U0ADMIN02');
    expect(temp.store.escalations.resolve(escalation.id, 'U0ADMIN01')).toMatchObject({
      result: 'unchanged',
      escalation: { resolvedBy: 'U0ADMIN02' },
    });
    expect(temp.store.escalations.claim(999, 'U0ADMIN01')).toEqual({ result: 'not-found' });
  });

  it('can withdraw an escalation whose post failed, so the next click posts', () => {
    const { escalation } = openOne(temp.store);
    temp.store.escalations.withdraw(escalation.id);
    expect(
      temp.store.escalations.open({
        questionId: escalation.questionId,
        requesterId: 'U0ASKER01',
        topicId: 'iam-password-reset',
      }).created,
    ).toBe(true);
  });
});

describe('feedback', () => {
  it('keeps one answer per person, question and topic; the latest wins', () => {
    const questionId = temp.store.questions.record(typed('lost my mfa'));
    const key = { questionId, userId: 'U0ASKER01', topicId: 'mfa-device-lost' };
    temp.store.feedback.save({ ...key, helpful: false, missing: 'steps for a YubiKey' });
    temp.store.feedback.save({ ...key, helpful: false });
    expect(temp.store.feedback.get(key)).toMatchObject({ helpful: false, missing: 'steps for a YubiKey' });
    temp.store.feedback.save({ ...key, helpful: true });
    expect(temp.store.feedback.get(key)).toMatchObject({ helpful: true, missing: null });
  });

  it('refuses feedback on a question it never saw', () => {
    expect(temp.store.feedback.save({ questionId: 404, userId: 'U1', topicId: 'mfa-device-lost', helpful: true })).toBe(
      false,
    );
  });
});

describe('usage stats', () => {
  it('counts the last 7 days: kinds, helpful rate per topic, open escalations, frequent unanswered', () => {
    const { store, clock } = temp;
    // Eight days ago: outside the window.
    store.questions.record(typed('how do I use S3', { kind: 'fallback', topicId: null }));
    clock.now += 2 * DAY;
    const mfa = store.questions.record(typed('lost my mfa'));
    const mfa2 = store.questions.record(typed('mfa phone broke', { userId: 'U0OTHER001' }));
    store.questions.record(typed('forgot my password', { kind: 'clarify', topicId: null }));
    store.questions.record(typed('How do I use S3?', { kind: 'fallback', topicId: null }));
    clock.now += HOUR;
    store.questions.record(typed('how do i use s3', { kind: 'fallback', topicId: null }));
    store.questions.record(typed('what is lambda', { kind: 'fallback', topicId: null }));
    // Picked from a list: shown, rated, but not a question typed.
    const picked = store.questions.record(typed('', { question: null, surface: 'home', topicId: 'find-account-id' }));
    store.feedback.save({ questionId: mfa, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: true });
    store.feedback.save({ questionId: mfa2, userId: 'U0OTHER001', topicId: 'mfa-device-lost', helpful: false });
    store.feedback.save({
      questionId: mfa2,
      userId: 'U0OTHER001',
      topicId: 'mfa-device-lost',
      helpful: false,
      missing: 'what if I have no phone at all',
    });
    store.feedback.save({ questionId: picked, userId: 'U0ASKER01', topicId: 'find-account-id', helpful: true });
    const open = store.escalations.open({ questionId: mfa, requesterId: 'U0ASKER01', topicId: 'mfa-device-lost' });
    const claimed = store.escalations.open({ questionId: mfa2, requesterId: 'U0OTHER001', topicId: 'mfa-device-lost' });
    const done = store.escalations.open({ questionId: picked, requesterId: 'U0ASKER01', topicId: 'find-account-id' });
    store.escalations.claim(claimed.escalation.id, 'U0ADMIN01');
    store.escalations.resolve(done.escalation.id, 'U0ADMIN01');
    expect(open.created).toBe(true);
    clock.now += 6 * DAY - HOUR;

    const stats = store.stats.usage();
    expect(stats.questions).toBe(6);
    expect(stats.kinds).toEqual({ answer: 2, clarify: 1, fallback: 3 });
    expect(stats.helpfulByTopic).toEqual([
      { topicId: 'mfa-device-lost', helpful: 1, total: 2 },
      { topicId: 'find-account-id', helpful: 1, total: 1 },
    ]);
    expect(stats.openEscalations).toBe(2);
    expect(stats.claimedEscalations).toBe(1);
    expect(stats.unanswered).toEqual([
      { question: 'how do i use s3', count: 2 },
      { question: 'what is lambda', count: 1 },
    ]);
    expect(stats.missing).toEqual([{ topicId: 'mfa-device-lost', text: 'what if I have no phone at all' }]);
  });

  it('reads zeros from an empty database', () => {
    expect(temp.store.stats.usage()).toMatchObject({
      questions: 0,
      kinds: { answer: 0, clarify: 0, fallback: 0 },
      helpfulByTopic: [],
      openEscalations: 0,
      unanswered: [],
    });
  });
});
