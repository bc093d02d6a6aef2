// Who may press what, over HTTP against the real app: someone not in ADMIN_USER_IDS cannot take or close
// an escalation (the post stays as it is and the person who asked hears nothing), and nobody but the
// person who asked can rate or escalate a private answer.
import { CLAIM_LABEL } from '../../src/cards/build-escalation-post';
import { ACTION, BLOCK, decodeEscalationRef, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { NOT_AN_ADMINISTRATOR_TEXT, NOT_YOUR_ANSWER_TEXT } from '../../src/listeners/actions/who-may-act';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const ASKER = 'U0PERSON01';
const MEMBER = 'U0MEMBER01';

let running: RunningApp;
let sender: SlackSender;
useTestApp(
  (started) => {
    ({ running, sender } = started);
  },
  { cardContext: { escalationChannel: ESCALATION_CHANNEL }, adminUserIds: [ADMIN] },
);

const buttonValues = (blocks: unknown): string[] =>
  [...JSON.stringify(blocks).matchAll(/"value":"([^"]+)"/g)].map((match) => match[1] as string);

/** The asker's private answer to a question, and its stored question id. */
async function privateAnswer(id: string): Promise<number> {
  const { slack } = running;
  await sender.command('I forgot my IAM user password', slack.responseUrl(id), { userId: ASKER });
  const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
  return buttonValues(answer.body.blocks)
    .map((value) => decodeTopicRef(value)?.questionId)
    .find((questionId) => questionId !== undefined) as number;
}

describe('administrator buttons', () => {
  it("someone not in ADMIN_USER_IDS pressing I'm on it or Resolved: a private no, nothing changes", async () => {
    const { slack, store } = running;
    const questionId = await privateAnswer('asked-1');
    const ask = {
      actionId: ACTION.askAdministrator,
      blockId: BLOCK.escalate,
      value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
      ephemeral: true,
      userId: ASKER,
    };
    await sender.click({ ...ask, responseUrl: slack.responseUrl('ask-1') });
    const post = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === ESCALATION_CHANNEL),
    );
    const value = buttonValues(post.args.blocks)[0] as string;
    const escalationId = decodeEscalationRef(value)?.id ?? -1;
    for (const actionId of [ACTION.escalationClaim, ACTION.escalationResolve]) {
      const res = await sender.click({
        actionId,
        blockId: BLOCK.escalationActions,
        value,
        responseUrl: slack.responseUrl(`member-${actionId}`),
        channelId: ESCALATION_CHANNEL,
        userId: MEMBER,
      });
      expect(res.status).toBe(200);
      const note = await slack.waitFor(() => slack.responses.find((r) => r.id === `member-${actionId}`));
      expect(note.body).toMatchObject({ response_type: 'ephemeral', text: NOT_AN_ADMINISTRATOR_TEXT });
    }
    await slack.settle();
    expect(slack.callsTo('chat.update')).toEqual([]);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKER)).toEqual([]);
    expect(await store.escalations.get(escalationId)).toMatchObject({ state: 'open' });
    expect(JSON.stringify(post.args.blocks)).toContain(CLAIM_LABEL);
  });
});

describe('private answers', () => {
  it("another person cannot rate or escalate the asker's private answer", async () => {
    const { slack, store } = running;
    const questionId = await privateAnswer('asked-2');
    const value = encodeTopicRef({ topicId: 'iam-password-reset', questionId });
    const clicks: Array<[string, string]> = [
      [ACTION.feedbackHelpful, BLOCK.feedback],
      [ACTION.feedbackNotHelpful, BLOCK.feedback],
      [ACTION.askAdministrator, BLOCK.escalate],
    ];
    const postsBefore = slack.callsTo('chat.postMessage').length;
    for (const [actionId, blockId] of clicks) {
      const responseUrl = slack.responseUrl(`other-${actionId}`);
      await sender.click({ actionId, blockId, value, responseUrl, ephemeral: true, userId: MEMBER });
      const note = await slack.waitFor(() => slack.responses.find((r) => r.id === `other-${actionId}`));
      expect(note.body.text).toBe(NOT_YOUR_ANSWER_TEXT);
    }
    await slack.settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(slack.callsTo('views.open')).toEqual([]);
    expect(await store.feedback.get({ questionId, userId: MEMBER, topicId: 'iam-password-reset' })).toBeUndefined();
  });
});
