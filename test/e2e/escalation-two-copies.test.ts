// A post Slack took but never confirmed is kept (it may well be there); once its posting lease has run
// out, the person's next click posts it again. Two copies can then be in the escalation channel, and
// an administrator's "I'm on it" on either must show on the copy they clicked, not only on the one the
// store recorded: before, the copy clicked kept "Waiting" and its buttons.
import Database from 'better-sqlite3';
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { actionBody, blockActionPayload, FORM, send, slashCommandBody } from '../helpers/slack-requests';
import { type RunningApp, startTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const ASKER = 'U0PERSON01';
const FIRST_COPY_TS = '1700000555.000100';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({
    cardContext: { adminContact: '<#C0HELP0001|aws-help>', escalationChannel: ESCALATION_CHANNEL },
    adminUserIds: [ADMIN],
  });
});
afterAll(async () => {
  await running.stop();
});

const click = (options: { responseId: string; actionId: string; value: string; userId: string; messageTs?: string }) =>
  send(
    running.eventsUrl,
    actionBody(
      blockActionPayload({
        actionId: options.actionId,
        blockId: options.actionId === ACTION.askAdministrator ? BLOCK.escalate : BLOCK.escalationActions,
        value: options.value,
        responseUrl: running.slack.responseUrl(options.responseId),
        ephemeral: options.actionId === ACTION.askAdministrator,
        userId: options.userId,
        ...(options.messageTs ? { channelId: ESCALATION_CHANNEL, messageTs: options.messageTs } : {}),
      }),
    ),
    FORM,
  );

/** The person asks a question; returns its question id and their "Ask my administrator" click on its answer. */
async function askedQuestion(responseId: string) {
  const { slack } = running;
  await send(
    running.eventsUrl,
    slashCommandBody({
      text: 'I forgot my IAM user password',
      responseUrl: slack.responseUrl(responseId),
      userId: ASKER,
    }),
    FORM,
  );
  const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === responseId));
  const questionId = [...JSON.stringify(answer.body.blocks).matchAll(/"value":"([^"]+)"/g)]
    .map((match) => decodeTopicRef(match[1])?.questionId)
    .find((id) => id !== undefined) as number;
  const ask = (askId: string) =>
    click({
      responseId: askId,
      actionId: ACTION.askAdministrator,
      value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
      userId: ASKER,
    });
  return { questionId, ask };
}

it("an administrator's click on the first of two copies of a request updates that copy too", async () => {
  const { slack } = running;
  const { ask } = await askedQuestion('q');

  // Slack takes the first post but answers too late: unconfirmed.
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
  await ask('ask-1');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-1'), SLACK_CALL_TIMEOUT_MS + 5000);
  await slack.settle(1000);
  slack.setLatency(0, 'chat.postMessage');

  // The posting lease runs out (two minutes, here at once); nobody answered, so the person asks again.
  const db = new Database(running.config.databasePath);
  db.prepare('UPDATE escalations SET posting_until = 0').run();
  db.close();
  await ask('ask-2');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask-2'));
  await slack.settle();
  const posts = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL);
  expect(posts).toHaveLength(2);

  // An administrator presses I'm on it on the first copy.
  const escalationId = JSON.stringify(posts[0]?.args.blocks).match(/"value":"(\d+@\d+)"/)?.[1] as string;
  await click({
    responseId: 'claim',
    actionId: ACTION.escalationClaim,
    value: escalationId,
    userId: ADMIN,
    messageTs: FIRST_COPY_TS,
  });
  await slack.waitFor(() => slack.callsTo('chat.update').length >= 2);
  const updated = slack.callsTo('chat.update').map((call) => call.args.ts);
  expect(updated).toContain(FIRST_COPY_TS);
  expect(new Set(updated).size).toBe(2);
  for (const call of slack.callsTo('chat.update')) expect(JSON.stringify(call.args)).toContain(`<@${ADMIN}> is on it`);
}, 40_000);

it("a claim on the unconfirmed first copy while the person's second click is still posting shows on the second copy too", async () => {
  const { slack } = running;
  const { questionId, ask } = await askedQuestion('q2');
  const postsBefore = slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === ESCALATION_CHANNEL).length;

  // The first copy is taken but never confirmed; its lease runs out.
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
  await ask('ask2-1');
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask2-1'), SLACK_CALL_TIMEOUT_MS + 5000);
  await slack.settle(1000);
  const db = new Database(running.config.databasePath);
  db.prepare('UPDATE escalations SET posting_until = 0 WHERE question_id = ?').run(questionId);

  // The person clicks again: the second copy is slow but confirmed. Meanwhile an administrator takes the first.
  slack.setLatency(2500, 'chat.postMessage');
  await ask('ask2-2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const firstCopy = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL)[
    postsBefore
  ];
  const escalationId = JSON.stringify(firstCopy?.args.blocks).match(/"value":"(\d+@\d+)"/)?.[1] as string;
  await click({
    responseId: 'claim2',
    actionId: ACTION.escalationClaim,
    value: escalationId,
    userId: ADMIN,
    messageTs: '1700000666.000100',
  });
  const told = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask2-2'), 8000);
  await slack.settle(1500);
  slack.setLatency(0, 'chat.postMessage');

  const row = db.prepare('SELECT state, post_ts FROM escalations WHERE question_id = ?').get(questionId) as {
    state: string;
    post_ts: string;
  };
  db.close();
  expect(row.state).toBe('claimed');
  // The recorded (second) copy was updated to show the claim; before, it kept "Waiting" and its buttons.
  const secondCopyUpdates = slack.callsTo('chat.update').filter((call) => call.args.ts === row.post_ts);
  expect(secondCopyUpdates.at(-1)?.args.text).toContain(`<@${ADMIN}> is on it`);
  // And the person was told someone has it, not to wait for someone to pick it up.
  expect(told.body.text).not.toContain("I'll send you a direct message when someone picks it up");
  expect(told.body.text).not.toContain("so I didn't post it again");
  expect(told.body.text).toContain(`<@${ADMIN}> is on it`);
}, 40_000);

it('a first click whose post an administrator takes before Slack confirms it is told it was posted, and who has it', async () => {
  const { slack } = running;
  const { questionId, ask } = await askedQuestion('q3');
  slack.setLatency(2500, 'chat.postMessage');
  await ask('ask3');
  // The request is opened before it is posted: the administrator's button names it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const db = new Database(running.config.databasePath);
  const opened = db.prepare('SELECT id, created_at FROM escalations WHERE question_id = ?').get(questionId) as {
    id: number;
    created_at: number;
  };
  db.close();
  const escalationId = `${opened.id}@${opened.created_at}`;
  await click({
    responseId: 'claim3',
    actionId: ACTION.escalationClaim,
    value: escalationId,
    userId: ADMIN,
    messageTs: '1700000777.000100',
  });
  const told = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask3'), 8000);
  slack.setLatency(0, 'chat.postMessage');
  // Before: "You already asked your administrators about this, so I didn't post it again", on a first click.
  expect(told.body.text).toContain(
    `I asked your AWS administrators in <#${ESCALATION_CHANNEL}>. Now: <@${ADMIN}> is on it.`,
  );
}, 20_000);
