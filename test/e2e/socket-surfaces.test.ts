// The real app in Socket Mode, as the README tells people to run it, against a local fake of Slack's
// side (apps.connections.open, a WebSocket with hello, envelopes and acks): every surface and button
// answered over the socket, and Slack's routine `disconnect` message ridden out.
import { FEEDBACK_PROMPT, FOR_KIND_LINE, SHARE_LABEL, STILL_STUCK_LABEL } from '../../src/cards/build-answer-card';
import { CLARIFY_PROMPT } from '../../src/cards/build-clarify-card';
import { MENU_TEXT } from '../../src/cards/build-fallback-card';
import { FEEDBACK_THANKS_TEXT, HELPFUL_THANKS_TEXT } from '../../src/cards/build-feedback-modal';
import { HELP_TITLE } from '../../src/cards/build-help-card';
import { HOME_TITLE } from '../../src/cards/build-home-view';
import { STILL_STUCK_INTRO } from '../../src/cards/build-still-stuck-card';
import { ACTION, BLOCK, decodeEscalationRef, decodeTopicRef, positional, VIEW } from '../../src/cards/ids';
import { sharedByLine } from '../../src/listeners/actions/topic-actions';
import { buttonOf, headerOf } from '../helpers/cards';
import { directMessageEvent, mentionEvent, viewSubmissionPayload } from '../helpers/slack-requests';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { watchUnhandled } from '../helpers/test-app';

const ESCALATION_CHANNEL = 'C0ESCALATE';
const ADMIN = 'U0ADMIN001';
const PERSON = 'U0PERSON01';

let running: RunningSocketApp;
const unhandled = watchUnhandled();
beforeAll(async () => {
  running = await startSocketTestApp({
    cardContext: { adminContact: '<#C0HELP0001|aws-help>', escalationChannel: ESCALATION_CHANNEL },
    adminUserIds: [ADMIN],
  });
});
afterAll(async () => {
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

/** Runs /aws-signin over the socket: the ack, then what was posted to the command's response_url. */
async function ask(text: string, id: string, userId = PERSON) {
  const { slack, sender } = running;
  const ack = await sender.command({ text, responseUrl: slack.responseUrl(id), userId });
  expect(ack.envelopeId).toBeTruthy();
  return (await slack.waitFor(() => slack.responses.find((r) => r.id === id))).body;
}

const responseFor = (id: string) => running.slack.waitFor(() => running.slack.responses.find((r) => r.id === id));

describe('surfaces over the socket', () => {
  it('answers /aws-signin privately through the response_url, with Share and feedback buttons', async () => {
    const posted = await ask('I lost my MFA device', 'sock-cmd-1');
    expect(posted.response_type).toBe('ephemeral');
    expect(headerOf(posted)).toMatch(/MFA/);
    expect(buttonOf(posted, (b) => b.actionId === ACTION.shareInChannel).label).toBe(SHARE_LABEL);
    expect(JSON.stringify(posted.blocks)).toContain(FEEDBACK_PROMPT);
  });

  it('help, the empty command and a vague question: help card, topic menu, clarify card', async () => {
    expect(String((await ask('help', 'sock-help')).text)).toContain(HELP_TITLE);
    expect((await ask('', 'sock-empty')).text).toBe(MENU_TEXT);
    expect(String((await ask('forgot my password', 'sock-clarify')).text)).toContain(CLARIFY_PROMPT);
  });

  it('answers an @-mention in its thread, and a DM in the DM', async () => {
    const { slack, sender } = running;
    const mention = mentionEvent('where do I find our account id?');
    await sender.event(mention);
    const inThread = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === mention.ts),
    );
    expect(headerOf(inThread.args)).toMatch(/account ID/i);
    await sender.event(directMessageEvent('how do i close my aws account', { channel: 'D0SOCKDM01' }));
    const inDm = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0SOCKDM01'),
    );
    expect(inDm.args.thread_ts).toBeUndefined();
    expect(headerOf(inDm.args)).toMatch(/close/i);
  });

  it('publishes the Home tab', async () => {
    const { slack, sender } = running;
    await sender.event({ type: 'app_home_opened', user: ADMIN, channel: 'D0DM000001', tab: 'home', event_ts: '1.1' });
    const published = await slack.waitFor(() => slack.callsTo('views.publish').find((c) => c.args.user_id === ADMIN));
    expect(JSON.stringify(published.args.view)).toContain(HOME_TITLE);
    expect(JSON.stringify(published.args.view)).toContain(positional(ACTION.homeTopic, 0));
  });
});

describe('buttons over the socket', () => {
  it('a clarify choice replaces the clarify card with the chosen topic', async () => {
    const clarify = await ask('forgot my password', 'sock-choice');
    const choice = buttonOf(clarify, (b) => b.blockId === BLOCK.choices);
    await running.sender.click({
      ...choice,
      responseUrl: running.slack.responseUrl('sock-click-choice'),
      ephemeral: true,
    });
    const posted = (await responseFor('sock-click-choice')).body;
    expect(posted.replace_original).toBe(true);
    expect(headerOf(posted)).toBe(choice.label);
  });

  it('a pick from the topic menu, a related topic and a kind of user each bring their card', async () => {
    await running.sender.click({
      actionId: ACTION.topicSelect,
      blockId: BLOCK.topicMenu,
      selectedValue: 'close-account',
      responseUrl: running.slack.responseUrl('sock-menu'),
      ephemeral: true,
    });
    expect(headerOf((await responseFor('sock-menu')).body)).toMatch(/close/i);
    const card = await ask('I lost my MFA device', 'sock-related-card');
    const related = buttonOf(card, (b) => b.blockId === BLOCK.followUps && b.actionId.startsWith(ACTION.openTopic));
    await running.sender.click({ ...related, responseUrl: running.slack.responseUrl('sock-related'), ephemeral: true });
    expect(headerOf((await responseFor('sock-related')).body)).toBe(related.label);
    const kind = buttonOf(card, (b) => b.blockId === BLOCK.userKinds && decodeTopicRef(b.value)?.kind === 'iam');
    await running.sender.click({ ...kind, responseUrl: running.slack.responseUrl('sock-kind'), ephemeral: true });
    // The card for one kind of user says whom it is for, under the topic's own title.
    const forIam = (await responseFor('sock-kind')).body;
    expect(headerOf(forIam)).toMatch(/MFA/);
    expect(JSON.stringify(forIam.blocks)).toContain(FOR_KIND_LINE.iam);
  });

  it('Still stuck? and Share in channel', async () => {
    const card = await ask('where do I find our account id?', 'sock-share-card');
    const stuck = buttonOf(card, (b) => b.label === STILL_STUCK_LABEL);
    await running.sender.click({ ...stuck, responseUrl: running.slack.responseUrl('sock-stuck'), ephemeral: true });
    expect(JSON.stringify((await responseFor('sock-stuck')).body.blocks)).toContain(STILL_STUCK_INTRO);
    const share = buttonOf(card, (b) => b.actionId === ACTION.shareInChannel);
    await running.sender.click({
      ...share,
      responseUrl: running.slack.responseUrl('sock-share'),
      ephemeral: true,
      userId: 'U0SHARER1',
    });
    const shared = (await responseFor('sock-share')).body;
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared.blocks)).toContain(sharedByLine('U0SHARER1'));
  });

  it('Helpful, Not helpful and its form: stored, thanked, and the form answered in the ack', async () => {
    const { slack, store, sender, socket } = running;
    const card = await ask('I lost my MFA device', 'sock-fb-card');
    const helpful = buttonOf(card, (b) => b.actionId === ACTION.feedbackHelpful);
    await sender.click({ ...helpful, responseUrl: slack.responseUrl('sock-fb-yes'), ephemeral: true });
    expect((await responseFor('sock-fb-yes')).body.text).toBe(HELPFUL_THANKS_TEXT);
    const ref = decodeTopicRef(helpful.value);
    const key = { questionId: ref?.questionId as number, userId: PERSON, topicId: ref?.topicId as string };
    expect(await store.feedback.get(key)).toMatchObject({ helpful: true });

    const notHelpful = buttonOf(card, (b) => b.actionId === ACTION.feedbackNotHelpful);
    await sender.click({ ...notHelpful, responseUrl: slack.responseUrl('sock-fb-no'), ephemeral: true });
    const opened = await slack.waitFor(() => slack.callsTo('views.open')[0]);
    const view = opened.args.view as { private_metadata: string };
    const ack = await socket.send(
      'interactive',
      viewSubmissionPayload({
        callbackId: VIEW.feedback,
        privateMetadata: view.private_metadata,
        blockId: BLOCK.feedbackMissing,
        actionId: VIEW.feedbackMissingInput,
        value: 'Nothing about member accounts',
      }),
    );
    expect(ack.payload?.response_action).toBe('update');
    expect(JSON.stringify(ack.payload?.view)).toContain(FEEDBACK_THANKS_TEXT);
    expect(await store.feedback.get(key)).toMatchObject({ helpful: false, missing: 'Nothing about member accounts' });
  });

  it('Ask my administrator posts to the escalation channel, and I’m on it claims it', async () => {
    const { slack, sender, store } = running;
    const card = await ask('I lost my MFA device', 'sock-esc-card');
    const askAdmin = buttonOf(card, (b) => b.actionId === ACTION.askAdministrator);
    await sender.click({ ...askAdmin, responseUrl: slack.responseUrl('sock-esc'), ephemeral: true });
    const post = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === ESCALATION_CHANNEL),
    );
    const claim = buttonOf(post.args, (b) => b.actionId === ACTION.escalationClaim);
    const id = decodeEscalationRef(claim.value)?.id ?? -1;
    await sender.click({
      ...claim,
      responseUrl: slack.responseUrl('sock-claim'),
      channelId: ESCALATION_CHANNEL,
      messageTs: (await store.escalations.get(id))?.post?.ts,
      userId: ADMIN,
    });
    await slack.waitFor(() => slack.callsTo('chat.update')[0]);
    expect(await store.escalations.get(id)).toMatchObject({ state: 'claimed', claimedBy: ADMIN });
  });
});

describe("Slack's routine disconnect message", () => {
  it('opens a new connection at once and keeps answering, with no warning logged', async () => {
    const { socket, logs } = running;
    const before = socket.connectionsOpened();
    socket.requestRefresh('refresh_requested');
    await socket.slack.waitFor(() => socket.connectionsOpened() > before && socket.isConnected(), 5000);
    const posted = await ask('I lost my MFA device', 'sock-after-refresh');
    expect(headerOf(posted)).toMatch(/MFA/);
    expect(logs.filter((line) => /^(warn|error) /.test(line))).toEqual([]);
  });
});
