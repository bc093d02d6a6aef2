// "Ask my administrator" when Slack takes the post but answers after the Web API client has given up
// (10 s). The client used to retry: three posts in the escalation channel, then the request withdrawn,
// the person told "nothing was sent", and an administrator's "I'm on it" answered "no record of this
// request". Now: one post, the request kept, and the person told it may have arrived.
import { ESCALATION_UNCONFIRMED_TEXT } from '../../src/cards/build-escalation-post';
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { actionBody, blockActionPayload, FORM, send, slashCommandBody } from '../helpers/slack-requests';
import { type RunningApp, startTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const ASKER = 'U0PERSON01';

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

it('posts once, keeps the request, and tells the person it may have arrived', async () => {
  const { slack, store } = running;
  await send(
    running.eventsUrl,
    slashCommandBody({ text: 'I forgot my IAM user password', responseUrl: slack.responseUrl('q'), userId: ASKER }),
    FORM,
  );
  const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === 'q'));
  const questionId = [...JSON.stringify(answer.body.blocks).matchAll(/"value":"([^"]+)"/g)]
    .map((match) => decodeTopicRef(match[1])?.questionId)
    .find((id) => id !== undefined) as number;

  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
  const click = (responseId: string) =>
    send(
      running.eventsUrl,
      actionBody(
        blockActionPayload({
          actionId: ACTION.askAdministrator,
          blockId: BLOCK.escalate,
          value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
          responseUrl: slack.responseUrl(responseId),
          ephemeral: true,
          userId: ASKER,
        }),
      ),
      FORM,
    );
  await click('ask');
  const told = await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask'), SLACK_CALL_TIMEOUT_MS + 5000);
  expect(String(told.body.text)).toContain(ESCALATION_UNCONFIRMED_TEXT);
  await slack.settle(1000);
  const posts = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ESCALATION_CHANNEL);
  expect(posts).toHaveLength(1);
  slack.setLatency(0, 'chat.postMessage');

  // The request is kept: the administrators' button on that one post works.
  const escalationId = Number(JSON.stringify(posts[0]?.args.blocks).match(/"value":"(\d+)(?:@\d+)?"/)?.[1]);
  expect(await store.escalations.get(escalationId)).toBeDefined();
  await send(
    running.eventsUrl,
    actionBody(
      blockActionPayload({
        actionId: ACTION.escalationClaim,
        blockId: BLOCK.escalationActions,
        value: String(escalationId),
        responseUrl: slack.responseUrl('claim'),
        channelId: ESCALATION_CHANNEL,
        userId: ADMIN,
      }),
    ),
    FORM,
  );
  await slack.waitFor(() =>
    slack
      .callsTo('chat.postMessage')
      .find((call) => call.args.channel === ASKER && /is looking at/.test(String(call.args.text))),
  );
  expect(slack.responses.find((r) => r.id === 'claim')).toBeUndefined();
}, 40_000);
