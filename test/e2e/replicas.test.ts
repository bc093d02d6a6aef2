// Two replicas of the real app (createApp over HTTP on 127.0.0.1) on one PostgreSQL database, with one
// fake Slack: a redelivered event is answered once across them, an escalation raised on one is claimed
// on the other (one winner), stats on either see both, a replica killed leaves the other answering, and
// PostgreSQL cut for 10 s under load loses no answer and no recording. The database is reached through a
// TCP proxy this test cuts and restores: the real server is shared with other runs and is never stopped.
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { ALREADY_HANDLED_PREFIX } from '../../src/listeners/actions/escalation-actions';
import { RATING_NOT_SAVED_TEXT } from '../../src/listeners/actions/feedback-actions';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack';
import {
  actionBody,
  blockActionPayload,
  eventBody,
  FORM,
  JSON_TYPE,
  mentionEvent,
  retryHeaders,
  send,
  slashCommandBody,
} from '../helpers/slack-requests';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { dropSchema, freshSchema, postgresAvailable, postgresTarget } from '../helpers/temp-store';
import { type RunningApp, startTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMINS = ['U0ADMIN001', 'U0ADMIN002'];
const ASKER = 'U0PERSON01';

const describePostgres = postgresAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

describePostgres('two replicas on one PostgreSQL', () => {
  let slack: FakeSlack;
  let proxy: TcpProxy;
  let schema: string;
  let replicas: RunningApp[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    proxy = await startTcpProxy(5432);
    schema = freshSchema();
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startTestApp(
          {
            cardContext: { adminContact: '<#C0HELP0001|aws-help>', escalationChannel: ESCALATION_CHANNEL },
            adminUserIds: ADMINS,
          },
          { slack, storeTarget: postgresTarget(schema, proxy.url('test')) },
        ),
      );
    }
  });
  afterAll(async () => {
    proxy.restore();
    for (const running of replicas) await running.stop().catch(() => undefined);
    await slack.close();
    await proxy.close();
    await dropSchema(schema);
  });

  const replica = (i: number): RunningApp => replicas[i % replicas.length] as RunningApp;
  const ask = async (app: RunningApp, question: string, id: string, userId = ASKER) => {
    const res = await send(
      app.eventsUrl,
      slashCommandBody({ text: question, responseUrl: slack.responseUrl(id), userId }),
      FORM,
    );
    expect(res.status).toBe(200);
    return slack.waitFor(() => slack.responses.find((r) => r.id === id));
  };
  const click = async (app: RunningApp, fields: Parameters<typeof blockActionPayload>[0]) => {
    const res = await send(app.eventsUrl, actionBody(blockActionPayload(fields)), FORM);
    expect(res.status).toBe(200);
  };
  const questionIdOf = (blocks: unknown): number => {
    const ids = [...JSON.stringify(blocks).matchAll(/"value":"([^"]+)"/g)].map(
      (match) => decodeTopicRef(match[1] as string)?.questionId,
    );
    return ids.find((id) => id !== undefined) as number;
  };
  const countQuestions = async () => (await replica(0).store.stats.usage()).questions;

  it('answers each of 1,000 redelivered events once, though the retry lands on the other replica', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `EvREPLICA${i}`,
      event: mentionEvent(`lost my mfa ${i}`),
    }));
    const BATCH = 10;
    for (let start = 0; start < events.length; start += BATCH) {
      await Promise.all(
        events
          .slice(start, start + BATCH)
          .flatMap(({ id, event }, i) => [
            send(replica(i).eventsUrl, eventBody(event, id), JSON_TYPE),
            send(replica(i + 1).eventsUrl, eventBody(event, id), JSON_TYPE, { extraHeaders: retryHeaders(1) }),
          ]),
      );
    }
    const threads = new Set(events.map(({ event }) => event.ts));
    await slack.waitFor(
      () => slack.callsTo('chat.postMessage').filter((c) => threads.has(c.args.thread_ts)).length >= 1000,
      60_000,
    );
    await slack.settle(500);
    const answersPerThread = new Map<unknown, number>();
    for (const call of slack.callsTo('chat.postMessage')) {
      if (threads.has(call.args.thread_ts))
        answersPerThread.set(call.args.thread_ts, (answersPerThread.get(call.args.thread_ts) ?? 0) + 1);
    }
    const doubled = [...answersPerThread.values()].filter((n) => n > 1).length;
    const unanswered = events.length - answersPerThread.size;
    process.stdout.write(
      `1,000 events, each delivered to both replicas: ${doubled} answered twice, ${unanswered} unanswered\n`,
    );
    expect({ doubled, unanswered }).toEqual({ doubled: 0, unanswered: 0 });
  });

  it('takes an escalation raised on one replica, claimed on the other: one winner of two administrators', async () => {
    const answer = await ask(replica(0), 'I forgot my IAM user password', 'esc-ask');
    const questionId = questionIdOf(answer.body.blocks);
    await click(replica(0), {
      actionId: ACTION.askAdministrator,
      blockId: BLOCK.escalate,
      value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
      responseUrl: slack.responseUrl('esc-click'),
      channelId: 'C0CHANNEL1',
      userId: ASKER,
    });
    const post = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === ESCALATION_CHANNEL),
    );
    const escalationId = Number(JSON.stringify(post.args.blocks).match(/"value":"(\d+)(?:@\d+)?"/)?.[1]);
    await Promise.all(
      ADMINS.map((admin, i) =>
        click(replica(i + 1), {
          actionId: ACTION.escalationClaim,
          blockId: BLOCK.escalationActions,
          value: String(escalationId),
          responseUrl: slack.responseUrl(`claim-${i}`),
          channelId: ESCALATION_CHANNEL,
          userId: admin,
        }),
      ),
    );
    // The winner's click updates the post and tells the asker; the other administrator is told it is taken.
    const loser = await slack.waitFor(() => slack.responses.find((r) => r.id === 'claim-0' || r.id === 'claim-1'));
    expect(String(loser.body.text)).toContain(ALREADY_HANDLED_PREFIX);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === ASKER));
    await slack.settle(300);
    expect(slack.responses.filter((r) => r.id === 'claim-0' || r.id === 'claim-1')).toHaveLength(1);
    const dms = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKER);
    expect(dms).toHaveLength(1);
    const stored = await replica(0).store.escalations.get(escalationId);
    expect(stored?.state).toBe('claimed');
    expect(String(dms[0]?.args.text)).toContain(`<@${stored?.claimedBy}> is looking at your request`);
  });

  it('shows the same stats on either replica, counting questions answered by both', async () => {
    const before = await countQuestions();
    await ask(replica(0), 'how do I reset my MFA', 'stats-a');
    await ask(replica(1), 'what is my account ID', 'stats-b');
    // Each replica writes its questions within a moment (20 ms batches): then either sees both.
    for (const started = Date.now(); Date.now() - started < 5000; ) {
      const seen = await Promise.all(replicas.map(async (r) => (await r.store.stats.usage()).questions));
      if (seen.every((n) => n === before + 2)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [a, b] = await Promise.all([
      ask(replica(0), 'stats', 'stats-0', ADMINS[0]),
      ask(replica(1), 'stats', 'stats-1', ADMINS[0]),
    ]);
    expect(a.body.text).toBe(b.body.text);
    expect(await replica(1).store.stats.usage()).toMatchObject({ questions: before + 2 });
  });

  it('keeps every answer and, after it is back, every recording while PostgreSQL is down for 10 s', async () => {
    const before = await countQuestions();
    proxy.cut();
    const started = Date.now();
    const asked: Array<Promise<unknown>> = [];
    let n = 0;
    while (Date.now() - started < 10_000) {
      for (let i = 0; i < 10; i++, n++) asked.push(ask(replica(n), `lost my mfa device ${n}`, `down-${n}`));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const answers = await Promise.all(asked);
    // Feedback cannot be saved while it is down: the person is told, not thanked.
    const last = answers.at(-1) as { body: { blocks: unknown } };
    await click(replica(0), {
      actionId: ACTION.feedbackHelpful,
      blockId: BLOCK.feedback,
      value: encodeTopicRef({ topicId: 'mfa-device-lost', questionId: questionIdOf(last.body.blocks) }),
      responseUrl: slack.responseUrl('down-feedback'),
      userId: ASKER,
    });
    const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'down-feedback'));
    expect(note.body.text).toBe(RATING_NOT_SAVED_TEXT);
    proxy.restore();
    const outage = Date.now() - started;
    let saved = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      saved = (await countQuestions()) - before;
      if (saved >= n) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const unreachableLogs = replicas.map(
      (r) => r.logs.filter((line) => line.includes('database is unreachable')).length,
    );
    process.stdout.write(
      `PostgreSQL cut for ${(outage / 1000).toFixed(1)} s: ${answers.length}/${n} questions answered, ${saved}/${n} recordings caught up; "unreachable" logged ${unreachableLogs.join(' and ')} times\n`,
    );
    expect(answers).toHaveLength(n);
    expect(saved).toBe(n);
    for (const count of unreachableLogs) expect(count).toBe(1);
  });

  it('keeps answering on one replica when the other is killed, and still drops the retry of what the dead one answered', async () => {
    const event = mentionEvent('I lost my MFA device');
    await send(replica(0).eventsUrl, eventBody(event, 'EvBEFOREKILL'), JSON_TYPE);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts));
    const killed = replicas[0] as RunningApp;
    await killed.app.stop();
    replicas = replicas.slice(1);
    await killed.store.close();
    await send(replica(0).eventsUrl, eventBody(event, 'EvBEFOREKILL'), JSON_TYPE, { extraHeaders: retryHeaders(1) });
    const answer = await ask(replica(0), 'forgot root password', 'after-kill');
    expect(JSON.stringify(answer.body)).toContain('root');
    await slack.settle(300);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === event.ts)).toHaveLength(1);
  });
});
