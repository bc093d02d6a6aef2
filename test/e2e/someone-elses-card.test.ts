// A card answers the person it was made for. Anyone else who clicks its buttons (a clarify choice in
// another person's thread, their topic menu, a related topic under their answer) gets a card of their
// own, privately: the other person's card stays as it is, nothing the clicker does is recorded against
// the other person's question, and the clicker's own card is theirs to rate. A question asked privately
// and shared is never quoted to the administrators by someone else's click.
import { someoneElsesQuestionLine } from '../../src/cards/build-escalation-post';
import { ACTION, BLOCK, decodeTopicRef } from '../../src/cards/ids';
import { NOT_YOUR_ANSWER_TEXT } from '../../src/listeners/actions/who-may-act';
import { buttonOf, buttonsOf } from '../helpers/cards';
import { mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ASKER = 'U0PERSON01';
const BYSTANDER = 'U0MEMBER01';

let running: RunningApp;
let sender: SlackSender;
useTestApp(
  (started) => {
    ({ running, sender } = started);
  },
  { cardContext: { escalationChannel: ESCALATION_CHANNEL }, adminUserIds: ['U0ADMIN001'] },
);

async function mentionCard(text: string) {
  const { slack } = running;
  const before = slack.callsTo('chat.postMessage').length;
  const event = mentionEvent(text, { user: ASKER });
  await sender.event(event);
  const posted = await slack.waitFor(() => slack.callsTo('chat.postMessage')[before]);
  return { card: posted.args as Record<string, unknown>, threadTs: String(event.ts) };
}

const questionOf = (card: Record<string, unknown>): number | undefined =>
  buttonsOf(card)
    .map((b) => decodeTopicRef(b.value)?.questionId)
    .find((id) => id !== undefined);

it("a bystander's clarify choice leaves the asker's card alone and gets the bystander a card of their own", async () => {
  const { slack, store } = running;
  const { card, threadTs } = await mentionCard('forgot my password');
  const asked = questionOf(card);
  const choice = buttonOf(card, (b) => b.blockId === BLOCK.choices);
  await sender.click({
    ...choice,
    responseUrl: slack.responseUrl('bystander-choice'),
    userId: BYSTANDER,
    messageTs: '1700000999.000100',
    threadTs,
  });
  const reply = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'bystander-choice'))).body;
  expect(reply.replace_original).not.toBe(true);
  expect(reply.response_type).toBe('ephemeral');
  const own = questionOf(reply);
  expect(own).toBeDefined();
  expect(own).not.toBe(asked);
  await slack.settle();
  expect((await store.questions.get(own as number))?.userId).toBe(BYSTANDER);
  expect((await store.questions.get(asked as number))?.userId).toBe(ASKER);
});

it("the asker's own clarify choice still takes the clarify card's place", async () => {
  const { slack } = running;
  const { card, threadTs } = await mentionCard('forgot my password');
  const choice = buttonOf(card, (b) => b.blockId === BLOCK.choices);
  await sender.click({
    ...choice,
    responseUrl: slack.responseUrl('asker-choice'),
    userId: ASKER,
    messageTs: '1700000999.000200',
    threadTs,
  });
  const reply = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'asker-choice'))).body;
  expect(reply.replace_original).toBe(true);
  expect(questionOf(reply)).toBe(questionOf(card));
});

it("a bystander picking from the asker's topic menu does not take over the asker's card", async () => {
  const { slack, store } = running;
  const { card, threadTs } = await mentionCard(''); // the app mentioned with nothing else: the topic menu
  expect(JSON.stringify(card.blocks)).toContain(ACTION.topicSelect);
  const option = JSON.stringify(card.blocks).match(/"value":"(iam-password-reset[^"]*)"/)?.[1];
  await sender.click({
    actionId: ACTION.topicSelect,
    blockId: BLOCK.topicMenu,
    selectedValue: option as string,
    responseUrl: slack.responseUrl('bystander-menu'),
    userId: BYSTANDER,
    messageTs: '1700000998.000100',
    threadTs,
  });
  const reply = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'bystander-menu'))).body;
  expect(reply.replace_original).not.toBe(true);
  expect(reply.response_type).toBe('ephemeral');
  await slack.settle();
  expect((await store.questions.get(questionOf(reply) as number))?.userId).toBe(BYSTANDER);
});

it('a related topic a bystander opens is theirs to rate, even when it reaches them privately', async () => {
  const { slack } = running;
  const { card, threadTs } = await mentionCard('I forgot my IAM user password');
  const related = buttonOf(card, (b) => b.actionId.startsWith(ACTION.openTopic) && b.blockId === BLOCK.followUps);
  await sender.click({
    ...related,
    responseUrl: slack.responseUrl('bystander-related'),
    userId: BYSTANDER,
    messageTs: '1700000999.000300',
    threadTs,
  });
  const privateCard = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'bystander-related'))).body;
  expect(privateCard.response_type).toBe('ephemeral');
  const helpful = buttonOf(privateCard, (b) => b.actionId === ACTION.feedbackHelpful);
  await sender.click({
    ...helpful,
    responseUrl: slack.responseUrl('bystander-helpful'),
    userId: BYSTANDER,
    ephemeral: true,
  });
  const note = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'bystander-helpful'))).body;
  expect(note.text).not.toBe(NOT_YOUR_ANSWER_TEXT);
});

it("another member's Ask my administrator on a shared answer does not post the asker's private question", async () => {
  const { slack } = running;
  const detail = 'zanzibar-payroll-account';
  await sender.command(`I forgot my IAM user password for ${detail}`, slack.responseUrl('ask'), { userId: ASKER });
  const privateCard = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'ask'))).body;
  const share = buttonOf(privateCard, (b) => b.actionId === ACTION.shareInChannel);
  await sender.click({ ...share, responseUrl: slack.responseUrl('share'), ephemeral: true, userId: ASKER });
  const shared = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'share'))).body;
  expect(shared.response_type).toBe('in_channel');

  const ask = buttonOf(shared, (b) => b.actionId === ACTION.askAdministrator);
  await sender.click({
    ...ask,
    responseUrl: slack.responseUrl('member-ask'),
    userId: BYSTANDER,
    messageTs: '1700000001.000200',
  });
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'member-ask'));
  await slack.settle();
  const posts = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ESCALATION_CHANNEL);
  expect(posts).toHaveLength(1);
  const post = JSON.stringify(posts[0]?.args);
  expect(post).toContain(`<@${BYSTANDER}> needs help`);
  expect(post).toContain(JSON.stringify(someoneElsesQuestionLine(ASKER)).slice(1, -1));
  expect(post).not.toContain(detail);
});
