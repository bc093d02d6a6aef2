// The real Bolt app over real HTTP on 127.0.0.1: signed requests in, fake Slack Web API and
// response_url out. Every surface and every button, clicked from the cards the app really sent.
import { followUpNote } from '../../src/answer/create-answerer';
import { FOR_KIND_LINE, NOT_KIND_LABEL, SHARE_LABEL, STILL_STUCK_LABEL } from '../../src/cards/build-answer-card';
import { CLARIFY_PROMPT } from '../../src/cards/build-clarify-card';
import { FALLBACK_TEXT, MENU_TEXT } from '../../src/cards/build-fallback-card';
import { HELP_TITLE } from '../../src/cards/build-help-card';
import { STILL_STUCK_INTRO } from '../../src/cards/build-still-stuck-card';
import { ACTION, BLOCK, decodeTopicRef } from '../../src/cards/ids';
import { SHARED_NOTE, sharedByLine } from '../../src/listeners/actions/topic-actions';
import { buttonOf, headerOf } from '../helpers/cards';
import { directMessageEvent, mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

/** What the app posted to the response_url with this id, once it has. */
async function responseBody(id: string) {
  const { slack } = running;
  return (await slack.waitFor(() => slack.responses.find((r) => r.id === id))).body;
}

/** Runs /aws-signin and returns what the app posted to the command's response_url. */
async function ask(text: string, id: string) {
  const res = await sender.command(text, running.slack.responseUrl(id));
  expect(res.status).toBe(200);
  return responseBody(id);
}

describe('surfaces', () => {
  it('answers /aws-signin privately through the response_url, with a Share button', async () => {
    const posted = await ask('I lost my MFA device', 'cmd-1');
    expect(posted.response_type).toBe('ephemeral');
    expect(headerOf(posted)).toMatch(/MFA/);
    expect(typeof posted.text).toBe('string');
    expect(buttonOf(posted, (b) => b.actionId === ACTION.shareInChannel).label).toBe(SHARE_LABEL);
  });

  it('shows how to use it for /aws-signin help', async () => {
    const posted = await ask('help', 'cmd-help');
    expect(posted.response_type).toBe('ephemeral');
    expect(String(posted.text)).toContain(HELP_TITLE);
  });

  it('shows the topic menu for /aws-signin with no question', async () => {
    const posted = await ask('', 'cmd-empty');
    expect(posted.text).toBe(MENU_TEXT);
    expect(JSON.stringify(posted.blocks)).toContain(ACTION.topicSelect);
  });

  it('answers an @-mention in the thread of the mention', async () => {
    const { slack } = running;
    const event = mentionEvent('where do I find our account id?');
    const res = await sender.event(event);
    expect(res.status).toBe(200);
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts),
    );
    expect(call.args.channel).toBe('C0CHANNEL1');
    expect(headerOf(call.args)).toMatch(/account ID/i);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const { slack } = running;
    await sender.event(directMessageEvent('how do i close my aws account', { channel: 'D0DMCLOSE1' }));
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0DMCLOSE1'),
    );
    expect(call.args.thread_ts).toBeUndefined();
    expect(headerOf(call.args)).toMatch(/close/i);
  });

  it('reopens the card just given on the kind a person names next, in the same DM', async () => {
    const { slack } = running;
    const inDm = { channel: 'D0DMKIND01', user: 'U0KINDDM01' };
    await sender.event(directMessageEvent('I lost my MFA phone', inDm));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === inDm.channel));
    await sender.event(directMessageEvent("I'm the root user", inDm));
    const again = await slack.waitFor(
      () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === inDm.channel)[1],
    );
    expect(headerOf(again.args)).toMatch(/MFA/);
    expect(JSON.stringify(again.args.blocks)).toContain(FOR_KIND_LINE.root);
    expect(String(again.args.text)).toContain(followUpNote('root', true));
  });

  it('clarifies and falls back through the same path', async () => {
    const clarify = await ask('forgot my password', 'cmd-clarify');
    const fallback = await ask('how do I create an S3 bucket with versioning?', 'cmd-fallback');
    expect(String(clarify.text)).toContain(CLARIFY_PROMPT);
    expect(String(fallback.text)).toContain(FALLBACK_TEXT);
  });
});

describe('buttons', () => {
  it('a clarify choice replaces the clarify card with the chosen topic', async () => {
    const clarify = await ask('forgot my password', 'cmd-choice');
    const choice = buttonOf(clarify, (b) => b.blockId === BLOCK.choices);
    await sender.click({ ...choice, responseUrl: running.slack.responseUrl('click-choice'), ephemeral: true });
    const posted = await responseBody('click-choice');
    expect(posted.replace_original).toBe(true);
    expect(headerOf(posted)).toBe(choice.label);
  });

  it('a pick from the topic menu replaces the menu with that topic', async () => {
    await ask('', 'cmd-menu');
    await sender.click({
      actionId: ACTION.topicSelect,
      blockId: BLOCK.topicMenu,
      selectedValue: 'close-account',
      responseUrl: running.slack.responseUrl('click-menu'),
      ephemeral: true,
    });
    const posted = await responseBody('click-menu');
    expect(posted.replace_original).toBe(true);
    expect(headerOf(posted)).toMatch(/close/i);
  });

  it('a related topic on a private card follows it privately, still shareable', async () => {
    const card = await ask('I lost my MFA device', 'cmd-related');
    const related = buttonOf(card, (b) => b.blockId === BLOCK.followUps && b.actionId.startsWith(ACTION.openTopic));
    await sender.click({ ...related, responseUrl: running.slack.responseUrl('click-related'), ephemeral: true });
    const posted = await responseBody('click-related');
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(posted)).toBe(related.label);
    expect(JSON.stringify(posted.blocks)).toContain(ACTION.shareInChannel);
  });

  it('a related topic on a card in a channel thread follows it in the thread', async () => {
    const { slack } = running;
    const event = mentionEvent('I lost my MFA device');
    await sender.event(event);
    const card = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts),
    );
    const related = buttonOf(
      card.args,
      (b) => b.blockId === BLOCK.followUps && b.actionId.startsWith(ACTION.openTopic),
    );
    await sender.click({
      ...related,
      responseUrl: slack.responseUrl('click-thread'),
      messageTs: '1700999999.000200',
      threadTs: String(event.ts),
    });
    const posted = await slack.waitFor(() =>
      slack
        .callsTo('chat.postMessage')
        .find((c) => c.args.thread_ts === event.ts && headerOf(c.args) === related.label),
    );
    expect(posted.args.channel).toBe('C0CHANNEL1');
    expect(JSON.stringify(posted.args.blocks)).not.toContain(ACTION.shareInChannel);
  });

  it('a kind-of-user button replaces the card with that kind’s steps', async () => {
    const card = await ask('I lost my MFA device', 'cmd-kind');
    const kind = buttonOf(card, (b) => b.blockId === BLOCK.userKinds && decodeTopicRef(b.value)?.kind === 'iam');
    await sender.click({ ...kind, responseUrl: running.slack.responseUrl('click-kind'), ephemeral: true });
    const posted = await responseBody('click-kind');
    expect(posted.replace_original).toBe(true);
    expect(JSON.stringify(posted.blocks)).toContain(FOR_KIND_LINE.iam);
  });

  it('a question naming the kind of user opens on its steps; "Not the root user?" brings back the others', async () => {
    const card = await ask('I lost my MFA phone and cannot sign in as root', 'cmd-root');
    expect(JSON.stringify(card.blocks)).toContain(FOR_KIND_LINE.root);
    const notRoot = buttonOf(card, (b) => b.label === NOT_KIND_LABEL.root);
    await sender.click({ ...notRoot, responseUrl: running.slack.responseUrl('click-not-root'), ephemeral: true });
    const posted = await responseBody('click-not-root');
    expect(posted.replace_original).toBe(true);
    expect(JSON.stringify(posted.blocks)).not.toContain(FOR_KIND_LINE.root);
    expect(buttonOf(posted, (b) => decodeTopicRef(b.value)?.kind === 'iam').blockId).toBe(BLOCK.userKinds);
  });

  it('Still stuck? shows the escalation path as a new private message', async () => {
    const card = await ask('I lost my MFA device', 'cmd-stuck');
    const stuck = buttonOf(card, (b) => b.label === STILL_STUCK_LABEL);
    await sender.click({ ...stuck, responseUrl: running.slack.responseUrl('click-stuck'), ephemeral: true });
    const posted = await responseBody('click-stuck');
    expect(posted.replace_original).toBe(false);
    expect(JSON.stringify(posted.blocks)).toContain(STILL_STUCK_INTRO);
  });

  it('Still stuck? on a card in a DM answers in the DM', async () => {
    const { slack } = running;
    await sender.event(directMessageEvent('I lost my MFA device', { channel: 'D0DMSTUCK1' }));
    const card = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0DMSTUCK1'),
    );
    const stuck = buttonOf(card.args, (b) => b.label === STILL_STUCK_LABEL);
    await sender.click({ ...stuck, responseUrl: slack.responseUrl('click-dm-stuck'), channelId: 'D0DMSTUCK1' });
    const posted = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0DMSTUCK1' && c !== card),
    );
    expect(posted.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(posted.args.blocks)).toContain(STILL_STUCK_INTRO);
  });

  it('Share in channel posts the card publicly, naming who shared it', async () => {
    const card = await ask('where do I find our account id?', 'cmd-share');
    const share = buttonOf(card, (b) => b.actionId === ACTION.shareInChannel);
    await sender.click({
      ...share,
      responseUrl: running.slack.responseUrl('click-share'),
      ephemeral: true,
      userId: 'U0SHARER1',
    });
    const posted = await responseBody('click-share');
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(headerOf(posted)).toBe(headerOf(card));
    expect(JSON.stringify(posted.blocks)).toContain(sharedByLine('U0SHARER1'));
    expect(JSON.stringify(posted.blocks)).not.toContain(ACTION.shareInChannel);
    // The private card then says it was shared and loses its Share button: a second click posted a second copy.
    const marked = (await running.slack.waitFor(() => running.slack.responses.filter((r) => r.id === 'click-share')[1]))
      .body;
    expect(marked).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(marked.blocks)).toContain(SHARED_NOTE);
    expect(JSON.stringify(marked.blocks)).not.toContain(ACTION.shareInChannel);
    expect(headerOf(marked)).toBe(headerOf(card));
  });

  it('a shared card replaced by its sharer (picking their kind of user on it) keeps its Shared by line', async () => {
    const card = await ask('where do I find our account id?', 'cmd-share-own');
    const share = buttonOf(card, (b) => b.actionId === ACTION.shareInChannel);
    await sender.click({ ...share, responseUrl: running.slack.responseUrl('click-share-own'), ephemeral: true });
    const posted = await responseBody('click-share-own');
    const kind = buttonOf(posted, (b) => b.actionId.startsWith(ACTION.userKind));
    const pick = (responseId: string, userId: string) =>
      sender.click({
        ...kind,
        responseUrl: running.slack.responseUrl(responseId),
        userId,
        messageBlocks: posted.blocks as unknown[],
      });
    await pick('click-shared-kind', 'U0PERSON01');
    const replaced = await responseBody('click-shared-kind');
    // Before, the line was gone: a card from nowhere in the channel.
    expect(replaced).toMatchObject({ replace_original: true });
    expect(JSON.stringify(replaced.blocks)).toContain(sharedByLine('U0PERSON01'));
  });

  it('a click on an action the app does not handle (a card from an older version) is acknowledged and ignored', async () => {
    const { slack } = running;
    const callsBefore = slack.calls.length;
    const res = await sender.click({
      actionId: 'retired_button',
      blockId: 'old_block',
      value: 'mfa-device-lost',
      responseUrl: slack.responseUrl('click-retired'),
    });
    expect(res.status).toBe(200);
    await slack.settle(100);
    expect(slack.responses.find((r) => r.id === 'click-retired')).toBeUndefined();
    expect(slack.calls.length).toBe(callsBefore);
    expect(running.logs.some((line) => line.includes('does not handle: retired_button'))).toBe(true);
  });
});
