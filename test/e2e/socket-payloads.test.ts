// Payload shapes Slack really sends (test/fixtures/slack-payloads.ts, re-typed from captures), over
// the socket as in production: an edited mention is not answered or recorded a second time; a
// question with a screenshot (file_share) and one also sent to the channel (thread_broadcast) are
// answered where the plain message would be; app_rate_limited is acknowledged (over HTTP too).

import { appRateLimitedPayload, editedMention, fileShareMessage, threadBroadcast } from '../fixtures/slack-payloads';
import { headerOf } from '../helpers/cards';
import { eventBody, JSON_TYPE, mentionEvent, nextTs, send } from '../helpers/slack-requests';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { type RunningApp, startTestApp, watchUnhandled } from '../helpers/test-app';

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

const questionsRecorded = async () => (await running.store.stats.usage()).questions;
const postsTo = (channel: string) =>
  running.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

describe('an edited mention', () => {
  it('is acknowledged, and neither answered nor recorded a second time', async () => {
    const { slack, sender, logs } = running;
    const original = mentionEvent('I lost my MFA device', { channel: 'C0EDITED01' });
    await sender.event(original);
    const first = await slack.waitFor(() => postsTo('C0EDITED01')[0]);
    expect(first.args.thread_ts).toBe(original.ts);
    const recorded = await questionsRecorded();

    const ack = await sender.event(editedMention(original, 'I lost my MFA device and my backup codes'));
    expect(ack.envelopeId).toBeTruthy();
    await slack.settle(300);
    expect(postsTo('C0EDITED01')).toHaveLength(1);
    expect(await questionsRecorded()).toBe(recorded);
    expect(logs).toContain('info Ignored an edit of a message already answered');
  });
});

describe('a question with a screenshot (file_share)', () => {
  it('in a DM is answered in the DM', async () => {
    const { slack, sender } = running;
    await sender.event(
      fileShareMessage('getting this error when I sign in, lost my MFA phone', {
        channel: 'D0FILESHR1',
        channelType: 'im',
        ts: nextTs(),
      }),
    );
    const reply = await slack.waitFor(() => postsTo('D0FILESHR1')[0]);
    expect(headerOf(reply.args)).toMatch(/MFA/);
  });

  it('with no words, only the screenshot, still gets a reply rather than silence', async () => {
    const { slack, sender } = running;
    await sender.event(fileShareMessage('', { channel: 'D0FILESHR2', channelType: 'im', ts: nextTs() }));
    const reply = await slack.waitFor(() => postsTo('D0FILESHR2')[0]);
    expect(String(reply.args.text).length).toBeGreaterThan(0);
  });

  it('in a mention is answered in the thread', async () => {
    const { slack, sender } = running;
    const ts = nextTs();
    await sender.event({
      ...fileShareMessage('<@UBOTUSER1> lost my MFA device, see screenshot', {
        channel: 'C0FILESHR1',
        channelType: 'channel',
        ts,
      }),
      type: 'app_mention',
    });
    const reply = await slack.waitFor(() => postsTo('C0FILESHR1')[0]);
    expect(reply.args.thread_ts).toBe(ts);
    expect(headerOf(reply.args)).toMatch(/MFA/);
  });
});

describe('a message written with /me (me_message)', () => {
  it('in a DM is answered like any other question', async () => {
    const { slack, sender } = running;
    const ts = nextTs();
    await sender.event({
      type: 'message',
      subtype: 'me_message',
      user: 'U0PERSON01',
      text: "can't get past the MFA step, lost my phone",
      channel: 'D0MEMESSG1',
      channel_type: 'im',
      ts,
      event_ts: ts,
    });
    const reply = await slack.waitFor(() => postsTo('D0MEMESSG1')[0]);
    expect(headerOf(reply.args)).toMatch(/MFA/);
  });
});

describe('a reply also sent to the channel (thread_broadcast)', () => {
  it('in a mention is answered in its thread', async () => {
    const { slack, sender } = running;
    const threadTs = nextTs();
    await sender.event(
      threadBroadcast('app_mention', 'I lost my MFA device', { channel: 'C0BROADCST', ts: nextTs(), threadTs }),
    );
    const reply = await slack.waitFor(() => postsTo('C0BROADCST')[0]);
    expect(reply.args.thread_ts).toBe(threadTs);
    expect(headerOf(reply.args)).toMatch(/MFA/);
  });

  it('in a DM is answered in that thread of the DM', async () => {
    const { slack, sender } = running;
    const threadTs = nextTs();
    await sender.event(
      threadBroadcast('message', 'I lost my MFA device', {
        channel: 'D0BROADCST',
        channelType: 'im',
        ts: nextTs(),
        threadTs,
      }),
    );
    const reply = await slack.waitFor(() => postsTo('D0BROADCST')[0]);
    expect(reply.args.thread_ts).toBe(threadTs);
    expect(headerOf(reply.args)).toMatch(/MFA/);
  });
});

describe('app_rate_limited', () => {
  it('is acknowledged over the socket, with one warning line and no error', async () => {
    const { sender, logs } = running;
    const before = logs.length;
    const ack = await sender.payload(appRateLimitedPayload());
    expect(ack.envelopeId).toBeTruthy();
    const logged = logs.slice(before).filter((line) => /^(warn|error) /.test(line));
    expect(logged).toEqual([
      expect.stringMatching(/^warn Slack is holding back events for this app \(app_rate_limited/),
    ]);
  });

  describe('over HTTP', () => {
    let http: RunningApp;
    beforeAll(async () => {
      http = await startTestApp();
    });
    afterAll(async () => http.stop());

    it('gets 200 (it got a 404 after 3 s), and the app answers the next question', async () => {
      const res = await send(http.eventsUrl, JSON.stringify(appRateLimitedPayload()), JSON_TYPE);
      expect(res.status).toBe(200);
      const event = mentionEvent('I lost my MFA device', { channel: 'C0AFTERRL1' });
      await send(http.eventsUrl, eventBody(event), JSON_TYPE);
      await http.slack.waitFor(() =>
        http.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0AFTERRL1'),
      );
    });
  });
});
