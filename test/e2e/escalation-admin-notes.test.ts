// What an administrator and the person who asked are told when Slack does not cooperate with the
// escalation post: an administrator whose "I'm on it" is stored but whose post could not be updated hears
// so (before: nothing at all, the post still offering I'm on it), and a person who asks again after an
// administrator took a request whose post Slack never confirmed is told it is taken (before: "I am posting
// your request right now", on every click, for ever).
import { ESCALATION_CHANNEL_UNUSABLE_TEXT } from '../../src/cards/build-escalation-post';
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { postNotUpdatedText } from '../../src/listeners/actions/escalation-actions';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const ASKER = 'U0PERSON01';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => ({ running, sender } = started), {
  cardContext: { escalationChannel: ESCALATION_CHANNEL, adminContact: '<#C0HELP0001|aws-help>' },
  adminUserIds: [ADMIN],
});

const valuesOf = (blocks: unknown) =>
  [...JSON.stringify(blocks).matchAll(/"value":"([^"]+)"/g)].map((match) => match[1] as string);

async function askedQuestion(responseId: string): Promise<number> {
  await sender.command('I forgot my IAM user password', running.slack.responseUrl(responseId), { userId: ASKER });
  const answer = await running.slack.waitFor(() => running.slack.responses.find((r) => r.id === responseId));
  return valuesOf(answer.body.blocks)
    .map((value) => decodeTopicRef(value)?.questionId)
    .find((id) => id !== undefined) as number;
}

const askAdministrator = (questionId: number, responseId: string) =>
  sender.click({
    actionId: ACTION.askAdministrator,
    blockId: BLOCK.escalate,
    value: encodeTopicRef({ topicId: 'iam-password-reset', questionId, askerId: ASKER }),
    responseUrl: running.slack.responseUrl(responseId),
    ephemeral: true,
    userId: ASKER,
  });

const claim = (postValue: string, responseId: string, messageTs?: string) =>
  sender.click({
    ...(messageTs ? { messageTs } : {}),
    actionId: ACTION.escalationClaim,
    blockId: BLOCK.escalationActions,
    value: postValue,
    responseUrl: running.slack.responseUrl(responseId),
    channelId: ESCALATION_CHANNEL,
    userId: ADMIN,
  });

const lastPostValue = () => {
  const posts = running.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL);
  return valuesOf(posts.at(-1)?.args.blocks)[0] as string;
};

it("tells the administrator their I'm on it counted when the post itself could not be updated", async () => {
  const { slack } = running;
  const questionId = await askedQuestion('q1');
  await askAdministrator(questionId, 'ask-1');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-1'));
  // The administrator clicks the post the store recorded, and Slack refuses to update it.
  const postValue = lastPostValue();
  const recorded = await running.store.escalations.get(Number(postValue.split('@')[0]));
  slack.failNext('chat.update', { error: 'not_in_channel' });
  await claim(postValue, 'claim-1', recorded?.post?.ts);
  const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'claim-1'));
  expect(note.body.text).toBe(postNotUpdatedText(`<@${ADMIN}> is on it`));
  // The person who asked still hears of it.
  await slack.waitFor(() => slack.callsTo('chat.postMessage').find((call) => call.args.channel === ASKER));
});

it('tells a person who asks again that an administrator has their request, when Slack never confirmed its post', async () => {
  const { slack } = running;
  const questionId = await askedQuestion('q2');
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
  await askAdministrator(questionId, 'ask-2');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-2'), SLACK_CALL_TIMEOUT_MS + 5000);
  slack.setLatency(0, 'chat.postMessage');
  await slack.settle(1000);
  await claim(lastPostValue(), 'claim-2');
  await slack.waitFor(() => slack.callsTo('chat.update').length > 0);
  await slack.settle(300);

  await askAdministrator(questionId, 'ask-2-again');
  const again = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-2-again'));
  expect(again.body.text).toContain('You already asked your administrators about this');
  expect(again.body.text).toContain(`<@${ADMIN}> is on it`);
  expect(again.body.text).not.toMatch(/posting your request .* right now/);
}, 40_000);

it('tells the person who asked once, when Slack answers the direct message late', async () => {
  const { slack } = running;
  const questionId = await askedQuestion('q3');
  await askAdministrator(questionId, 'ask-3');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-3'));
  const before = slack.callsTo('chat.postMessage').length;
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 300, 'chat.postMessage');
  await claim(lastPostValue(), 'claim-3');
  // Long enough for the client's first retry, had it made one.
  await slack.settle(SLACK_CALL_TIMEOUT_MS + 3000);
  slack.setLatency(0, 'chat.postMessage');
  const toAsker = slack
    .callsTo('chat.postMessage')
    .slice(before)
    .filter((call) => call.args.channel === ASKER);
  expect(toAsker.filter((call) => String(call.args.text).includes('is looking at your request'))).toHaveLength(1);
}, 30_000);

it("says trying again won't help when Slack refuses the administrators' channel itself (the app was removed, or it was archived)", async () => {
  const { slack } = running;
  const questionId = await askedQuestion('q4');
  slack.failNext('chat.postMessage', { error: 'is_archived' });
  await askAdministrator(questionId, 'ask-4');
  const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-4'));
  expect(note.body.text).toContain(ESCALATION_CHANNEL_UNUSABLE_TEXT);
  expect(note.body.text).not.toContain('try again in a minute');
  expect(running.logs.join('\n')).toContain(
    `ESCALATION_CHANNEL ${ESCALATION_CHANNEL} cannot be posted to (is_archived)`,
  );
});

it('waits out a short rate limit and posts the request', async () => {
  const { slack } = running;
  const questionId = await askedQuestion('q5');
  const before = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL).length;
  slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
  await askAdministrator(questionId, 'ask-5');
  const note = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-5'), 5000);
  expect(note.body.text).toContain('I asked your AWS administrators');
  const posts = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL);
  expect(posts.length).toBe(before + 2); // the refused attempt, then the post
});
