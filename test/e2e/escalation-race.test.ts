// Two administrators act on one request close together: one presses I'm on it, and while Slack is slow to
// show that, another presses Resolved. The request is resolved; the post must end up showing it resolved
// (before: "is on it", with its Resolve button), and the person must not hear "someone is looking at your
// request" after "resolved" (before: they did, in that order).
import Database from 'better-sqlite3';
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const FIRST_ADMIN = 'U0ADMIN001';
const SECOND_ADMIN = 'U0ADMIN002';
const ASKER = 'U0PERSON01';
let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => ({ running, sender } = started), {
  cardContext: { escalationChannel: ESCALATION_CHANNEL },
  adminUserIds: [FIRST_ADMIN, SECOND_ADMIN],
});
const valuesOf = (blocks: unknown) =>
  [...JSON.stringify(blocks).matchAll(/"value":"([^"]+)"/g)].map((match) => match[1] as string);

/** The person asks a question; returns the id its answer's buttons carry. */
async function askedQuestion(responseId: string): Promise<number> {
  await sender.command('I forgot my IAM user password', running.slack.responseUrl(responseId), { userId: ASKER });
  const answer = await running.slack.waitFor(() => running.slack.responses.find((r) => r.id === responseId));
  return valuesOf(answer.body.blocks)
    .map((value) => decodeTopicRef(value)?.questionId)
    .find((id) => id !== undefined) as number;
}

it('shows the resolved state and tells the person only that it was resolved, when a claim is overtaken', async () => {
  const { slack, store } = running;
  const questionId = await askedQuestion('q');
  await sender.click({
    actionId: ACTION.askAdministrator,
    blockId: BLOCK.escalate,
    value: encodeTopicRef({ topicId: 'iam-password-reset', questionId, askerId: ASKER }),
    responseUrl: slack.responseUrl('ask'),
    ephemeral: true,
    userId: ASKER,
  });
  const post = await slack.waitFor(() =>
    slack.callsTo('chat.postMessage').find((call) => call.args.channel === ESCALATION_CHANNEL),
  );
  const value = valuesOf(post.args.blocks)[0] as string;
  const escalationId = Number(value.split('@')[0]);
  const ts = String((await store.escalations.get(escalationId))?.post?.ts);
  const press = (actionId: string, userId: string, responseId: string) =>
    sender.click({
      actionId,
      blockId: BLOCK.escalationActions,
      value,
      responseUrl: slack.responseUrl(responseId),
      channelId: ESCALATION_CHANNEL,
      messageTs: ts,
      userId,
    });

  slack.setLatency(400, 'chat.update');
  const claim = press(ACTION.escalationClaim, FIRST_ADMIN, 'claim');
  await new Promise((resolve) => setTimeout(resolve, 100));
  slack.setLatency(0, 'chat.update');
  const resolve = press(ACTION.escalationResolve, SECOND_ADMIN, 'resolve');
  await Promise.all([claim, resolve]);
  await slack.settle(1000);

  expect((await store.escalations.get(escalationId))?.state).toBe('resolved');
  expect(String(slack.callsTo('chat.update').at(-1)?.args.text)).toContain(`resolved by <@${SECOND_ADMIN}>`);
  const told = slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === ASKER)
    .map((call) => String(call.args.text));
  expect(told.at(-1)).toContain('as resolved');
  expect(told.filter((text) => text.includes('is looking at your request'))).toEqual([]);
});

it('a request resolved while the person’s click was still showing an earlier claim on its post ends up shown resolved', async () => {
  const { slack, store } = running;
  const questionId = await askedQuestion('q2');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // The post takes 2.5 s to be confirmed; the request is open meanwhile and an administrator takes it.
  slack.setLatency(2500, 'chat.postMessage');
  const asked = sender.click({
    actionId: ACTION.askAdministrator,
    blockId: BLOCK.escalate,
    value: encodeTopicRef({ topicId: 'iam-password-reset', questionId, askerId: ASKER }),
    responseUrl: slack.responseUrl('ask2'),
    ephemeral: true,
    userId: ASKER,
  });
  await sleep(300);
  const opened = (await store.escalations.open({ questionId, requesterId: ASKER, topicId: 'iam-password-reset' }))
    .escalation;
  const value = `${opened.id}@${opened.createdAt}`;
  const press = (actionId: string, userId: string, responseId: string) =>
    sender.click({
      actionId,
      blockId: BLOCK.escalationActions,
      value,
      responseUrl: slack.responseUrl(responseId),
      channelId: ESCALATION_CHANNEL,
      messageTs: '1700000888.000100',
      userId,
    });
  await press(ACTION.escalationClaim, FIRST_ADMIN, 'claim2');
  // The click's own update of its post (showing the claim) is slow; a Resolved lands before it does.
  await sleep(1700);
  slack.setLatency(2000, 'chat.update');
  await sleep(800);
  slack.setLatency(0, 'chat.update');
  await press(ACTION.escalationResolve, SECOND_ADMIN, 'resolve2');
  await asked;
  await slack.settle(3000);
  slack.setLatency(0, 'chat.postMessage');

  const post = (await store.escalations.get(opened.id))?.post;
  expect((await store.escalations.get(opened.id))?.state).toBe('resolved');
  const onPost = slack.callsTo('chat.update').filter((call) => call.args.ts === post?.ts);
  expect(String(onPost.at(-1)?.args.text)).toContain(`resolved by <@${SECOND_ADMIN}>`);
  const told = slack.responses.find((r) => r.id === 'ask2');
  expect(told?.body.text).toContain(`resolved by <@${SECOND_ADMIN}>`);
}, 20_000);

/** A request whose first post Slack took but never confirmed, its posting lease run out: the next click posts again. */
async function unconfirmedRequest(responseId: string) {
  const { slack } = running;
  const questionId = await askedQuestion(`${responseId}-q`);
  const ask = (id: string) =>
    sender.click({
      actionId: ACTION.askAdministrator,
      blockId: BLOCK.escalate,
      value: encodeTopicRef({ topicId: 'iam-password-reset', questionId, askerId: ASKER }),
      responseUrl: slack.responseUrl(id),
      ephemeral: true,
      userId: ASKER,
    });
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
  await ask(`${responseId}-first`);
  await slack.waitFor(() => slack.responses.find((r) => r.id === `${responseId}-first`), SLACK_CALL_TIMEOUT_MS + 5000);
  slack.setLatency(0, 'chat.postMessage');
  await slack.settle(500);
  const db = new Database(running.config.databasePath);
  db.prepare('UPDATE escalations SET posting_until = 0 WHERE question_id = ?').run(questionId);
  // Read, not opened again: opening would take the posting lease the person's next click needs.
  const row = db.prepare('SELECT id, created_at FROM escalations WHERE question_id = ?').get(questionId) as {
    id: number;
    created_at: number;
  };
  db.close();
  return { ask, escalation: { id: row.id }, value: `${row.id}@${row.created_at}` };
}

const pressOn = (value: string, actionId: string, userId: string, responseId: string, messageTs: string) =>
  sender.click({
    actionId,
    blockId: BLOCK.escalationActions,
    value,
    responseUrl: running.slack.responseUrl(responseId),
    channelId: ESCALATION_CHANNEL,
    messageTs,
    userId,
  });

it('a second copy that fails after an administrator took the first tells the person who has it, and keeps the request', async () => {
  const { slack, store } = running;
  const { ask, escalation, value } = await unconfirmedRequest('fail');
  // The person asks again: a second copy, which Slack will refuse, after a while.
  slack.setLatency(1500, 'chat.postMessage');
  slack.failNext('chat.postMessage', { error: 'internal_error' });
  const askedAgain = ask('fail-again');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Meanwhile an administrator takes the first copy (stored at once; Slack slow to show it).
  slack.setLatency(3000, 'chat.update');
  const claimed = pressOn(value, ACTION.escalationClaim, FIRST_ADMIN, 'fail-claim', '1700000991.000100');
  await new Promise((resolve) => setTimeout(resolve, 300));
  slack.setLatency(0, 'chat.update');
  await askedAgain;
  const told = await slack.waitFor(() => slack.responses.find((r) => r.id === 'fail-again'), 5000);
  slack.setLatency(0, 'chat.postMessage');
  await claimed;
  // Before: "Sorry, I couldn't reach your administrators just now, so nothing was sent", and the claimed
  // request was deleted (a later Resolved found no record of it).
  expect(told.body.text).toContain(`Your administrators already have this request. Now: <@${FIRST_ADMIN}> is on it.`);
  expect((await store.escalations.get(escalation.id))?.state).toBe('claimed');
}, 30_000);

it('a Resolved landing while a claim is still showing itself on a copy recorded meanwhile is what every copy ends on', async () => {
  const { slack, store } = running;
  const { ask, escalation, value } = await unconfirmedRequest('s1');
  const dmsBefore = slack.callsTo('chat.postMessage').length;
  // The person's second click posts copy B, slowly.
  slack.setLatency(2000, 'chat.postMessage');
  const askedAgain = ask('s1-again');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // An administrator takes copy A; Slack is slow to show it, on A and then on B (recorded meanwhile).
  slack.setLatency(2500, 'chat.update');
  const claimed = pressOn(value, ACTION.escalationClaim, FIRST_ADMIN, 's1-claim', '1700000992.000100');
  await new Promise((resolve) => setTimeout(resolve, 2900));
  slack.setLatency(0, 'chat.update');
  slack.setLatency(0, 'chat.postMessage');
  const copyB = (await store.escalations.get(escalation.id))?.post?.ts as string;
  // A second administrator resolves it on copy B.
  await pressOn(value, ACTION.escalationResolve, SECOND_ADMIN, 's1-resolve', copyB);
  await Promise.all([claimed, askedAgain]);
  await slack.settle(6000);

  expect((await store.escalations.get(escalation.id))?.state).toBe('resolved');
  const onB = slack.callsTo('chat.update').filter((call) => call.args.ts === copyB);
  expect(String(onB.at(-1)?.args.text)).toContain(`resolved by <@${SECOND_ADMIN}>`);
  const toAsker = slack
    .callsTo('chat.postMessage')
    .slice(dmsBefore)
    .filter((call) => call.args.channel === ASKER)
    .map((call) => String(call.args.text));
  const resolvedAt = toAsker.findIndex((text) => text.includes('as resolved'));
  expect(resolvedAt).toBeGreaterThan(-1);
  expect(toAsker.slice(resolvedAt).some((text) => text.includes('is looking at your request'))).toBe(false);
}, 40_000);
