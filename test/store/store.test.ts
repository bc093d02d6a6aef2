// One suite, written against the Store interface, run on both backends: SQLite in a temp file and
// PostgreSQL (the real server, a schema per test). Schema, restart, ids, escalation states and claims,
// feedback, stats, redelivered events, retention.
import { buildStatsCard, statsLostText, statsTitle } from '../../src/cards/build-stats-card';
import { blockFloor, ID_BLOCK_SIZE } from '../../src/store/id-blocks';
import type { NewQuestion, Store } from '../../src/store/types';
import { BACKENDS, DAY, HOUR, START, type TempStore, tempStore } from '../helpers/temp-store';

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

describe.each(BACKENDS)('store on %s', (backend) => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await tempStore(backend);
  });
  afterEach(() => temp.cleanup());

  describe('opening the database', () => {
    it('keeps everything across a restart', async () => {
      const id = temp.store.questions.record(typed('lost my mfa'));
      await temp.store.feedback.save({
        questionId: id,
        userId: 'U0ASKER01',
        topicId: 'mfa-device-lost',
        helpful: false,
      });
      const { escalation } = await temp.store.escalations.open({
        questionId: id,
        requesterId: 'U0ASKER01',
        topicId: 'mfa-device-lost',
      });
      await temp.store.escalations.claim(escalation.id, 'U0ADMIN01');

      const reopened = await temp.reopen();
      expect((await reopened.questions.get(id))?.question).toBe('lost my mfa');
      expect(
        (await reopened.feedback.get({ questionId: id, userId: 'U0ASKER01', topicId: 'mfa-device-lost' }))?.helpful,
      ).toBe(false);
      expect(await reopened.escalations.get(escalation.id)).toMatchObject({ state: 'claimed', claimedBy: 'U0ADMIN01' });
      // The uniqueness rule survives the restart too.
      expect(
        (await reopened.escalations.open({ questionId: id, requesterId: 'U0ASKER01', topicId: 'mfa-device-lost' }))
          .created,
      ).toBe(false);
    });
  });

  describe('question ids', () => {
    it('are never handed out again after a restart, even for questions that were never saved', async () => {
      const before = temp.store.questions.record(typed('answered, then the process died'));
      // Killed before the write: nothing of it reached the database.
      (temp.store.questions as unknown as { close(): void }).close();
      const restarted = await temp.reopen();
      const after = restarted.questions.record(typed('another person, after the restart'));
      expect(after).not.toBe(before);
      expect(after).toBeGreaterThan(before);
      expect((await restarted.questions.get(after))?.userId).toBe('U0ASKER01');
    });

    it('come from blocks numbered no lower than the clock, so a database restored from a backup does not hand them out again', async () => {
      const first = temp.store.questions.record(typed('before'));
      expect(first).toBeGreaterThanOrEqual(blockFloor(START) * ID_BLOCK_SIZE);
      temp.clock.now += HOUR;
      const restarted = await temp.reopen();
      const later = restarted.questions.record(typed('an hour later'));
      // Whatever the counter in the database says, the block is at least an hour's worth of seconds on.
      expect(Math.floor(later / ID_BLOCK_SIZE)).toBeGreaterThanOrEqual(blockFloor(START + HOUR));
      expect(Number.isSafeInteger(later) && String(later).length <= 15).toBe(true);
    });

    it('tell why a question is missing: too recent to be deleted, old enough for the retention period, or refused', async () => {
      const store = await temp.reopen({ retentionDays: 30, onLost: () => undefined });
      const recent = store.questions.record(typed('just asked elsewhere')) + 1000;
      expect(store.questions.whyMissing(recent)).toBe('unsaved');
      const refused = store.questions.record(typed('refused', { kind: 'not-a-kind' as 'answer' }));
      await store.stats.usage();
      expect(store.questions.whyMissing(refused)).toBe('lost');
      temp.clock.now += 31 * DAY;
      expect(store.questions.whyMissing(recent)).toBe('deleted');
      // Without a retention period nothing is ever deleted.
      expect((await temp.reopen()).questions.whyMissing(recent)).toBe('unsaved');
    });

    it('move to a new block at least once a day, so an id keeps telling when it was handed out', async () => {
      const first = temp.store.questions.record(typed('today'));
      temp.clock.now += DAY + HOUR;
      temp.store.questions.record(typed('a day later: the next block is reserved'));
      await temp.store.stats.usage();
      const later = temp.store.questions.record(typed('and used'));
      expect(Math.floor(later / ID_BLOCK_SIZE)).toBeGreaterThan(Math.floor(first / ID_BLOCK_SIZE));
      expect(Math.floor(later / ID_BLOCK_SIZE)).toBeGreaterThanOrEqual(blockFloor(START + DAY));
    });

    it('differ between two replicas on one database', async () => {
      // A second process on a SQLite file is refused (test/store/sqlite.test.ts).
      if (backend === 'sqlite') return;
      const other = await temp.replica();
      const ids = new Set<number>();
      for (let i = 0; i < 200; i++) {
        ids.add(temp.store.questions.record(typed(`a${i}`, { userId: 'U0FIRST001' })));
        ids.add(other.questions.record(typed(`b${i}`, { userId: 'U0SECOND01' })));
      }
      expect(ids.size).toBe(400);
      await Promise.all([
        (temp.store.questions as unknown as { flush(): Promise<void> }).flush(),
        (other.questions as unknown as { flush(): Promise<void> }).flush(),
      ]);
      expect((await temp.store.stats.usage()).questions).toBe(400);
    });

    it('writes every question, also those recorded after a write found nothing left to do', async () => {
      temp.store.questions.record(typed('first'));
      await temp.store.stats.usage();
      // The write scheduled for the first question finds it already written.
      await new Promise((resolve) => setTimeout(resolve, 100));
      temp.store.questions.record(typed('second'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      temp.store.questions.record(typed('third'));
      expect(await temp.store.stats.usage()).toMatchObject({ questions: 3, unsaved: 0 });
    });

    it('hand out the next ids within a block at once, and the row is readable before it is written', async () => {
      const first = temp.store.questions.record(typed('a'));
      const second = temp.store.questions.record(typed('b', { userId: 'U0OTHER001' }));
      expect(second).toBe(first + 1);
      expect(first % ID_BLOCK_SIZE).toBe(0);
      expect((await temp.store.questions.get(second))?.userId).toBe('U0OTHER001');
    });
  });

  describe('escalations', () => {
    async function openOne(store: Store) {
      const questionId = store.questions.record(typed('my iam password expired', { topicId: 'iam-password-reset' }));
      return store.escalations.open({
        questionId,
        requesterId: 'U0ASKER01',
        topicId: 'iam-password-reset',
        originChannelId: 'C0CHANNEL1',
      });
    }

    it('named with the time they were opened, are not changed through a post of another request with the same id', async () => {
      const { escalation } = await openOne(temp.store);
      const other = escalation.createdAt - 1;
      expect(await temp.store.escalations.claim(escalation.id, 'U0ADMIN01', other)).toEqual({ result: 'not-found' });
      expect(await temp.store.escalations.resolve(escalation.id, 'U0ADMIN01', other)).toEqual({ result: 'not-found' });
      expect((await temp.store.escalations.get(escalation.id))?.state).toBe('open');
      const claimed = await temp.store.escalations.claim(escalation.id, 'U0ADMIN01', escalation.createdAt);
      expect(claimed).toMatchObject({ result: 'changed', escalation: { state: 'claimed' } });
    });

    it('goes open -> claimed -> resolved, with who and when', async () => {
      const { escalation, created } = await openOne(temp.store);
      expect(created).toBe(true);
      expect(escalation).toMatchObject({ state: 'open', question: 'my iam password expired', askedBy: 'U0ASKER01' });
      temp.clock.now += HOUR;
      const claimed = await temp.store.escalations.claim(escalation.id, 'U0ADMIN01');
      expect(claimed).toMatchObject({ result: 'changed', escalation: { state: 'claimed', claimedBy: 'U0ADMIN01' } });
      temp.clock.now += HOUR;
      const resolved = await temp.store.escalations.resolve(escalation.id, 'U0ADMIN01');
      expect(resolved).toMatchObject({
        result: 'changed',
        escalation: { state: 'resolved', resolvedBy: 'U0ADMIN01' },
      });
      if (resolved.result === 'not-found') throw new Error('unreachable');
      expect((resolved.escalation.resolvedAt ?? 0) - (resolved.escalation.claimedAt ?? 0)).toBe(HOUR);
    });

    it("keeps the recorded post when an administrator's click on an unconfirmed copy is recorded only if none is", async () => {
      const { escalation } = await openOne(temp.store);
      await temp.store.escalations.attachPost(escalation.id, { channelId: 'C0ESCALATE', ts: '2.2' });
      await temp.store.escalations.attachPost(escalation.id, { channelId: 'C0ESCALATE', ts: '1.1' }, { ifNone: true });
      expect((await temp.store.escalations.get(escalation.id))?.post).toEqual({ channelId: 'C0ESCALATE', ts: '2.2' });
      const other = await temp.store.escalations.open({
        questionId: escalation.questionId,
        requesterId: 'U0OTHER01',
        topicId: 'iam-password-reset',
      });
      await temp.store.escalations.attachPost(
        other.escalation.id,
        { channelId: 'C0ESCALATE', ts: '1.1' },
        { ifNone: true },
      );
      expect((await temp.store.escalations.get(other.escalation.id))?.post).toEqual({
        channelId: 'C0ESCALATE',
        ts: '1.1',
      });
    });

    it('opens once per person and question; another person asking about it opens their own', async () => {
      const first = await openOne(temp.store);
      await temp.store.escalations.attachPost(first.escalation.id, { channelId: 'C0ESCALATE', ts: '1.2' });
      const again = await temp.store.escalations.open({
        questionId: first.escalation.questionId,
        requesterId: 'U0ASKER01',
        topicId: 'iam-password-reset',
      });
      expect(again.created).toBe(false);
      expect(again.escalation.id).toBe(first.escalation.id);
      expect(again.escalation.post).toEqual({ channelId: 'C0ESCALATE', ts: '1.2' });
      const colleague = await temp.store.escalations.open({
        questionId: first.escalation.questionId,
        requesterId: 'U0COLLEAG1',
        topicId: 'iam-password-reset',
      });
      expect(colleague.created).toBe(true);
    });

    it('does not let a second administrator take over a claim, nor reopen a resolved one', async () => {
      const { escalation } = await openOne(temp.store);
      await temp.store.escalations.claim(escalation.id, 'U0ADMIN01');
      expect(await temp.store.escalations.claim(escalation.id, 'U0ADMIN02')).toMatchObject({
        result: 'unchanged',
        escalation: { claimedBy: 'U0ADMIN01' },
      });
      await temp.store.escalations.resolve(escalation.id, 'U0ADMIN02');
      expect(await temp.store.escalations.resolve(escalation.id, 'U0ADMIN01')).toMatchObject({
        result: 'unchanged',
        escalation: { resolvedBy: 'U0ADMIN02' },
      });
      expect(await temp.store.escalations.claim(999, 'U0ADMIN01')).toEqual({ result: 'not-found' });
    });

    it('never withdraws a request an administrator has taken, even with no post recorded', async () => {
      const { escalation } = await openOne(temp.store);
      await temp.store.escalations.claim(escalation.id, 'U0ADMIN01', escalation.createdAt);
      await temp.store.escalations.withdraw(escalation.id);
      expect((await temp.store.escalations.get(escalation.id))?.state).toBe('claimed');
    });

    it('can withdraw an escalation whose post failed, so the next click posts', async () => {
      const { escalation } = await openOne(temp.store);
      await temp.store.escalations.withdraw(escalation.id);
      const again = await temp.store.escalations.open({
        questionId: escalation.questionId,
        requesterId: 'U0ASKER01',
        topicId: 'iam-password-reset',
      });
      expect(again.created).toBe(true);
    });

    it('lets the person ask again when the process died while posting (no post, no withdraw)', async () => {
      const { escalation } = await openOne(temp.store);
      const restarted = await temp.reopen();
      const key = { questionId: escalation.questionId, requesterId: 'U0ASKER01', topicId: 'iam-password-reset' };
      // A click right away may be the first one still posting: not posted twice.
      expect((await restarted.escalations.open(key)).created).toBe(false);
      temp.clock.now += 3 * 60 * 1000;
      const retried = await restarted.escalations.open(key);
      expect(retried).toMatchObject({ created: true, escalation: { id: escalation.id, state: 'open' } });
      // ... and only one click gets to post it.
      expect((await restarted.escalations.open(key)).created).toBe(false);
    });

    it('gives a claim to exactly one of many administrators clicking at once', async () => {
      const ROUNDS = 50;
      const other = backend === 'postgres' ? await temp.replica() : temp.store;
      let doubled = 0;
      let lost = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const questionId = temp.store.questions.record(typed(`q${round}`));
        const { escalation } = await temp.store.escalations.open({
          questionId,
          requesterId: 'U0ASKER01',
          topicId: 'mfa-device-lost',
        });
        const admins = ['U0ADMIN01', 'U0ADMIN02', 'U0ADMIN03', 'U0ADMIN04'];
        const results = await Promise.all(
          admins.map((admin, i) => (i % 2 === 0 ? temp.store : other).escalations.claim(escalation.id, admin)),
        );
        const winners = results.filter((result) => result.result === 'changed');
        if (winners.length > 1) doubled++;
        if (winners.length === 0) lost++;
        const stored = await other.escalations.get(escalation.id);
        const winner = winners[0];
        if (winner?.result === 'changed') expect(stored?.claimedBy).toBe(winner.escalation.claimedBy);
      }
      process.stdout.write(
        `[${backend}] ${ROUNDS} escalations, 4 administrators each${backend === 'postgres' ? ' over two stores' : ''}: ${doubled} doubled, ${lost} lost claims\n`,
      );
      expect({ doubled, lost }).toEqual({ doubled: 0, lost: 0 });
    });
  });

  describe('feedback', () => {
    it('keeps one answer per person, question and topic; the latest wins', async () => {
      const questionId = temp.store.questions.record(typed('lost my mfa'));
      const key = { questionId, userId: 'U0ASKER01', topicId: 'mfa-device-lost' };
      expect(await temp.store.feedback.save({ ...key, helpful: false, missing: 'steps for a YubiKey' })).toBe(true);
      await temp.store.feedback.save({ ...key, helpful: false });
      expect(await temp.store.feedback.get(key)).toMatchObject({ helpful: false, missing: 'steps for a YubiKey' });
      await temp.store.feedback.save({ ...key, helpful: true });
      expect(await temp.store.feedback.get(key)).toMatchObject({ helpful: true, missing: null });
    });

    it('refuses feedback on a question it never saw', async () => {
      expect(
        await temp.store.feedback.save({ questionId: 404, userId: 'U1', topicId: 'mfa-device-lost', helpful: true }),
      ).toBe(false);
    });
  });

  describe('usage stats', () => {
    it('counts the last 7 days: kinds, helpful rate per topic, open escalations, frequent unanswered', async () => {
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
      await store.feedback.save({ questionId: mfa, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: true });
      await store.feedback.save({ questionId: mfa2, userId: 'U0OTHER001', topicId: 'mfa-device-lost', helpful: false });
      await store.feedback.save({
        questionId: mfa2,
        userId: 'U0OTHER001',
        topicId: 'mfa-device-lost',
        helpful: false,
        missing: 'what if I have no phone at all',
      });
      await store.feedback.save({ questionId: picked, userId: 'U0ASKER01', topicId: 'find-account-id', helpful: true });
      const open = await store.escalations.open({
        questionId: mfa,
        requesterId: 'U0ASKER01',
        topicId: 'mfa-device-lost',
      });
      const claimed = await store.escalations.open({
        questionId: mfa2,
        requesterId: 'U0OTHER001',
        topicId: 'mfa-device-lost',
      });
      const done = await store.escalations.open({
        questionId: picked,
        requesterId: 'U0ASKER01',
        topicId: 'find-account-id',
      });
      await store.escalations.claim(claimed.escalation.id, 'U0ADMIN01');
      await store.escalations.resolve(done.escalation.id, 'U0ADMIN01');
      expect(open.created).toBe(true);
      clock.now += 6 * DAY - HOUR;

      const stats = await store.stats.usage();
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
      expect(stats.unsaved).toBe(0);
    });

    it('counts the same unanswered wording together whatever its case, in every script, on both backends', async () => {
      const fallback = (question: string) => typed(question, { kind: 'fallback', topicId: null, confidence: 0.1 });
      for (const question of ['Не могу войти', 'НЕ МОГУ ВОЙТИ', 'Échec de connexion', 'échec de connexion?'])
        temp.store.questions.record(fallback(question));
      const stats = await temp.store.stats.usage();
      expect(stats.unanswered.map((row) => row.count)).toEqual([2, 2]);
    });

    it('count no further back than RETENTION_DAYS, and say so: a window of 3 days with RETENTION_DAYS=3', async () => {
      for (let day = 0; day < 7; day++) {
        temp.store.questions.record(typed(`question of day ${day}`));
        temp.clock.now += DAY;
      }
      temp.clock.now -= HOUR;
      expect((await temp.store.stats.usage()).questions).toBe(7);
      const store = await temp.reopen({ retentionDays: 3 });
      const stats = await store.stats.usage();
      expect(stats.until - stats.since).toBe(3 * DAY);
      expect(buildStatsCard(stats, (id) => id).text).toContain(`${statsTitle(3)}: 3 questions`);
    });

    it('counts only typed questions as missing from the figures: a topic picked from a list is never one', async () => {
      const store = await temp.reopen({ maxPending: 1, onLost: () => undefined });
      const pick = typed('', { question: null, surface: 'home' });
      store.questions.record(typed('I lost my MFA device'));
      expect(() => store.questions.record(pick)).toThrow(); // the queue is full: this pick is never saved
      const usage = await store.stats.usage();
      expect(usage).toMatchObject({ questions: 1, unsaved: 0, lost: 0 });
    });

    it('counts an unanswered question ending in full-width punctuation with the same wording', async () => {
      const fallback = (question: string) => typed(question, { kind: 'fallback', topicId: null, confidence: 0.1 });
      for (const question of [
        'Wie ändere ich die Kreditkarte?',
        'wie ändere ich die kreditkarte',
        'Wie ändere ich die Kreditkarte？',
      ])
        temp.store.questions.record(fallback(question));
      expect((await temp.store.stats.usage()).unanswered.map((row) => row.count)).toEqual([3]);
    });

    it('a question lost long ago does not mark this week as incomplete', async () => {
      const store = await temp.reopen({ onLost: () => undefined });
      store.questions.record(typed('refused', { kind: 'not-a-kind' as 'answer' }));
      const now = await store.stats.usage();
      expect(now).toMatchObject({ lost: 1, unsaved: 0 });
      expect(
        buildStatsCard(now, (id) => id)
          .blocks.map((b) => JSON.stringify(b))
          .join(''),
      ).toContain(statsLostText(1).slice(10, 60));
      temp.clock.now += 30 * DAY;
      store.questions.record(typed('this week'));
      const stats = await store.stats.usage();
      expect(stats).toMatchObject({ questions: 1, lost: 0, unsaved: 0 });
      expect(JSON.stringify(buildStatsCard(stats, (id) => id).blocks)).not.toContain('Incomplete');
    });

    it('reads zeros from an empty database', async () => {
      expect(await temp.store.stats.usage()).toMatchObject({
        questions: 0,
        kinds: { answer: 0, clarify: 0, fallback: 0 },
        helpfulByTopic: [],
        openEscalations: 0,
        unanswered: [],
        unsaved: 0,
      });
    });
  });

  describe('redelivered events', () => {
    it('says first exactly once per key across replicas, and again once the key has expired', async () => {
      const other = backend === 'postgres' ? await temp.replica() : temp.store;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : temp.store).events.firstDelivery('T1:Ev1', 60_000)),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await temp.store.events.firstDelivery('T1:Ev2', 60_000)).toBe(true);
      temp.clock.now += 61_000;
      expect(await other.events.firstDelivery('T1:Ev1', 60_000)).toBe(true);
      expect(await temp.store.events.firstDelivery('T1:Ev1', 60_000)).toBe(false);
    });
  });

  describe('retention', () => {
    it('deletes questions older than the cutoff with their feedback, keeping any someone still waits on', async () => {
      const { store, clock } = temp;
      const old = store.questions.record(typed('old question'));
      await store.feedback.save({ questionId: old, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: true });
      const waiting = store.questions.record(typed('old, escalated, not resolved'));
      await store.escalations.open({ questionId: waiting, requesterId: 'U0ASKER01', topicId: 'mfa-device-lost' });
      const resolvedQuestion = store.questions.record(typed('old, escalated, resolved'));
      const resolved = await store.escalations.open({
        questionId: resolvedQuestion,
        requesterId: 'U0ASKER01',
        topicId: 'mfa-device-lost',
      });
      await store.escalations.resolve(resolved.escalation.id, 'U0ADMIN01');
      clock.now += 91 * DAY;
      const recent = store.questions.record(typed('recent question'));
      await store.feedback.save({ questionId: recent, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: true });

      expect(await store.prune(clock.now - 90 * DAY)).toBe(2);
      expect(await store.questions.get(old)).toBeUndefined();
      expect(await store.questions.get(resolvedQuestion)).toBeUndefined();
      expect(await store.escalations.get(resolved.escalation.id)).toBeUndefined();
      expect((await store.questions.get(waiting))?.question).toBe('old, escalated, not resolved');
      expect((await store.questions.get(recent))?.question).toBe('recent question');
      expect(
        await store.feedback.get({ questionId: recent, userId: 'U0ASKER01', topicId: 'mfa-device-lost' }),
      ).toBeTruthy();
    });

    it('runs at start when a retention is set', async () => {
      const old = temp.store.questions.record(typed('old question'));
      temp.clock.now += 31 * DAY;
      const reopened = await temp.reopen({ retentionDays: 30 });
      expect(await reopened.questions.get(old)).toBeUndefined();
    });
  });
});
