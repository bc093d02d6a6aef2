// "Ask my administrator", end to end: the real app over HTTP, a fake Slack Web API, and the database in a
// real SQLite file. Post, duplicate click, claim, resolve; the person who asked hears of each step.
import { askerNotes, CLAIM_LABEL, RESOLVE_LABEL } from '../../src/cards/build-escalation-post';
import { ACTION, BLOCK, decodeEscalationRef, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { realAnswerPath } from '../helpers/corpus';
import type { RecordedCall } from '../helpers/fake-slack';
import { actionBody, blockActionPayload, eventBody, send } from '../helpers/slack-requests';
import { type RunningApp, startTestApp } from '../helpers/test-app';

const FORM = 'application/x-www-form-urlencoded';
const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const ASKER = 'U0PERSON01';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({
    cardContext: { adminContact: '<#C0HELP0001|aws-help>', escalationChannel: ESCALATION_CHANNEL },
    adminUserIds: [ADMIN, 'U0ADMIN002'],
  });
});
afterAll(async () => {
  await running.stop();
});

const text = (call: { args: Record<string, unknown> } | undefined) => JSON.stringify(call?.args ?? {});
const buttonValues = (blocks: unknown): string[] =>
  [...JSON.stringify(blocks).matchAll(/"value":"([^"]+)"/g)].map((match) => match[1] as string);

async function click(fields: Parameters<typeof blockActionPayload>[0]) {
  const res = await send(running.eventsUrl, actionBody(blockActionPayload(fields)), FORM);
  expect(res.status).toBe(200);
}

describe('Ask my administrator', () => {
  let questionId: number;
  let post: RecordedCall;

  /** The asker clicks the button on the IAM password card in the thread, as if they had picked that topic. */
  const askAdministrator = (responseId: string) =>
    click({
      actionId: ACTION.askAdministrator,
      blockId: BLOCK.escalate,
      value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
      responseUrl: running.slack.responseUrl(responseId),
      channelId: 'C0CHANNEL1',
      messageTs: '1700000100.000200',
      threadTs: '1700000100.000100',
      userId: ASKER,
    });

  it('the answer to a question in a channel carries the stored question id', async () => {
    const { slack, eventsUrl } = running;
    await send(
      eventsUrl,
      eventBody({
        type: 'app_mention',
        user: ASKER,
        text: '<@UBOTUSER1> forgot my IAM user password &lt;urgent&gt; @here password: Hunter2!',
        ts: '1700000100.000100',
        channel: 'C0CHANNEL1',
        event_ts: '1700000100.000100',
      }),
      'application/json',
    );
    const card = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700000100.000100'),
    );
    const ids = buttonValues(card.args.blocks).map((value) => decodeTopicRef(value)?.questionId);
    questionId = ids.find((id) => id !== undefined) as number;
    expect(questionId).toBeGreaterThan(0);
    expect((await running.store.questions.get(questionId))?.question).toContain('[redacted]');
  });

  it('posts to the escalation channel: who, the question escaped and redacted, the topic, a link back', async () => {
    const { slack } = running;
    await askAdministrator('ask-1');
    post = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === ESCALATION_CHANNEL),
    );
    const posted = text(post);
    expect(posted).toContain(`<@${ASKER}> needs help getting into AWS`);
    // Markup the person typed is dropped from the stored question; nothing of it can link or ping.
    expect(posted).toContain('urgent');
    expect(posted).not.toMatch(/<urgent>|<!here>|(^|[^\u2060])@here/);
    expect(posted).toContain('[redacted]');
    expect(posted).not.toContain('Hunter2');
    const title = realAnswerPath().corpus.byId.get('iam-password-reset')?.title as string;
    expect(posted).toContain(JSON.stringify(`*Topic they were shown*\n${title}`).slice(1, -1));
    expect(slack.callsTo('chat.getPermalink')[0]?.args).toMatchObject({
      channel: 'C0CHANNEL1',
      message_ts: '1700000100.000200',
    });
    expect(posted).toContain('https://example.slack.com/archives/C0CHANNEL1/p1|Open the conversation');
    expect(posted).toContain(CLAIM_LABEL);
    const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-1'));
    expect(note.body).toMatchObject({
      response_type: 'ephemeral',
      text: askerNotes.requested(ESCALATION_CHANNEL).text,
    });
  });

  it('a second click by the same person does not post again, and says so privately', async () => {
    const { slack } = running;
    await askAdministrator('ask-2');
    const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-2'));
    expect(String(note.body.text)).toMatch(
      /You already asked your administrators about this .* so I didn't post it again/,
    );
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ESCALATION_CHANNEL)).toHaveLength(1);
  });

  it("I'm on it claims it: the post shows who, and the asker gets a direct message", async () => {
    const { slack, store } = running;
    const value = buttonValues(post.args.blocks)[0] as string;
    const stored = await store.escalations.get(decodeEscalationRef(value)?.id ?? -1);
    expect(stored?.post?.channelId).toBe(ESCALATION_CHANNEL);
    await click({
      actionId: ACTION.escalationClaim,
      blockId: BLOCK.escalationActions,
      value,
      responseUrl: slack.responseUrl('claim-1'),
      channelId: ESCALATION_CHANNEL,
      messageTs: stored?.post?.ts,
      userId: ADMIN,
    });
    const update = await slack.waitFor(() => slack.callsTo('chat.update')[0]);
    expect(update.args).toMatchObject({ channel: ESCALATION_CHANNEL, ts: stored?.post?.ts });
    expect(text(update)).toContain(`<@${ADMIN}> is on it`);
    expect(text(update)).toContain(RESOLVE_LABEL);
    expect(text(update)).not.toContain(CLAIM_LABEL);
    const dm = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === ASKER));
    expect(String(dm.args.text)).toContain(`<@${ADMIN}> is looking at your request`);
    expect(await store.escalations.get(stored?.id ?? 0)).toMatchObject({ state: 'claimed', claimedBy: ADMIN });
  });

  it('Resolved closes it: the post loses its buttons, and the asker is told', async () => {
    const { slack, store } = running;
    const value = buttonValues(post.args.blocks)[0] as string;
    const id = decodeEscalationRef(value)?.id ?? -1;
    await click({
      actionId: ACTION.escalationResolve,
      blockId: BLOCK.escalationActions,
      value,
      responseUrl: slack.responseUrl('resolve-1'),
      channelId: ESCALATION_CHANNEL,
      messageTs: (await store.escalations.get(id))?.post?.ts,
      userId: ADMIN,
    });
    const update = await slack.waitFor(() => slack.callsTo('chat.update')[1]);
    expect(text(update)).toContain(`Resolved by <@${ADMIN}>`);
    expect(text(update)).not.toContain(ACTION.escalationResolve);
    const dms = await slack.waitFor(() => {
      const found = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKER);
      return found.length === 2 ? found : undefined;
    });
    expect(String(dms[1]?.args.text)).toContain('as resolved');
    expect(await store.escalations.get(id)).toMatchObject({ state: 'resolved', resolvedBy: ADMIN });
  });

  it('a late click on the resolved post changes nothing and tells the administrator', async () => {
    const { slack } = running;
    const value = buttonValues(post.args.blocks)[0] as string;
    await click({
      actionId: ACTION.escalationClaim,
      blockId: BLOCK.escalationActions,
      value,
      responseUrl: slack.responseUrl('claim-late'),
      channelId: ESCALATION_CHANNEL,
      userId: 'U0ADMIN002',
    });
    const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'claim-late'));
    expect(String(note.body.text)).toBe('Nothing changed, this request is already handled: resolved by <@U0ADMIN001>.');
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKER)).toHaveLength(2);
  });
});
