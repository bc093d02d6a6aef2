// Payloads Slack would never send (a user id that is an object, a form without its state, a click with
// no action), over both ways in: each is refused or acknowledged and dropped, with one warning line,
// and nobody else is affected. One such payload used to stop every later question being saved, until a
// restart: the database refused its row, and the queue took that for an outage and retried it forever.
import { VIEW } from '../../src/cards/ids';
import { actionBody, FORM, mentionEvent, send, viewSubmissionPayload } from '../helpers/slack-requests';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { type RunningApp, type SlackSender, useTestApp, watchUnhandled } from '../helpers/test-app';

describe('over HTTP', () => {
  let running: RunningApp;
  let sender: SlackSender;
  useTestApp((started) => {
    ({ running, sender } = started);
  });

  it('refuses a mention whose user is an object, and saves the next person’s question as usual', async () => {
    const { slack, store } = running;
    const before = (await store.stats.usage()).questions;
    const refused = await sender.event(mentionEvent('I lost my MFA device', { user: { id: 'U0WEIRD01' } }));
    expect(refused.status).toBe(400);
    const res = await sender.command('I forgot my IAM user password', slack.responseUrl('after-object-user'), {
      userId: 'U0PERSON02',
    });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'after-object-user'));
    await slack.waitFor(async () => ((await store.stats.usage()).questions === before + 1 ? true : undefined));
    expect((await store.stats.usage()).unsaved).toBe(0);
  });

  it.each([
    ['no ts', 'C0NOTSNONE0', { ts: undefined, event_ts: undefined }],
    ['an empty thread_ts', 'C0NOTSEMPTY', { thread_ts: '' }],
  ])(
    'never answers a mention with %s at the top of the channel: refused, nothing posted',
    async (_name, channel, fields) => {
      const { slack } = running;
      const res = await sender.event(mentionEvent('I lost my MFA device', { channel, ...fields }));
      expect(res.status).toBe(400);
      await slack.settle(300);
      expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel)).toEqual([]);
    },
  );

  it('refuses a form submitted without its state at once, rather than letting Slack time out', async () => {
    const payload = viewSubmissionPayload({
      callbackId: VIEW.feedback,
      privateMetadata: 'mfa-device-lost#1',
      blockId: 'b',
      actionId: 'a',
      value: 'x',
    });
    delete (payload.view as { state?: unknown }).state;
    const started = Date.now();
    const res = await send(running.eventsUrl, actionBody(payload), FORM);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('over Socket Mode', () => {
  let running: RunningSocketApp;
  const unhandled = watchUnhandled();
  beforeAll(async () => {
    running = await startSocketTestApp();
  });
  afterAll(async () => {
    await running.stop();
    unhandled.stop();
    expect(unhandled.escaped).toEqual([]);
  });

  it.each([
    ['a click with no action', { type: 'block_actions', user: { id: 'U0PERSON01' }, actions: [] }],
    ['a click with no user', { type: 'block_actions', actions: [{ action_id: 'still_stuck', value: 'x' }] }],
    ['a click whose actions are null', { type: 'block_actions', user: { id: 'U0PERSON01' }, actions: null }],
    [
      'a form with no state',
      { type: 'view_submission', user: { id: 'U0PERSON01' }, view: { callback_id: VIEW.feedback } },
    ],
    ['a form with no view', { type: 'view_submission', user: { id: 'U0PERSON01' } }],
  ])('acknowledges and drops %s, with a warning and no error', async (_name, payload) => {
    const { sender, slack, logs } = running;
    const calls = slack.calls.length;
    const logged = logs.length;
    const ack = await sender.interactive(payload);
    expect(ack.envelopeId).toBeTruthy();
    await slack.settle(200);
    expect(slack.calls.length).toBe(calls);
    const lines = logs.slice(logged).filter((line) => !line.startsWith('debug'));
    expect(lines).toEqual([expect.stringMatching(/^warn Dropped a request Slack would not send: malformed /)]);
  });

  it('drops a mention whose text is not text, and whose user is an object, without an apology', async () => {
    const { sender, slack, store } = running;
    const before = (await store.stats.usage()).questions;
    await sender.event(mentionEvent('x', { text: 42, channel: 'C0NUMBER01' }));
    await sender.event(mentionEvent('I lost my MFA device', { user: { id: 'U0WEIRD01' }, channel: 'C0NUMBER01' }));
    await slack.settle(300);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NUMBER01')).toEqual([]);
    await sender.event(mentionEvent('I lost my MFA device', { channel: 'C0NUMBER02' }));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'C0NUMBER02'));
    await slack.waitFor(async () => ((await store.stats.usage()).questions === before + 1 ? true : undefined));
  });
});
