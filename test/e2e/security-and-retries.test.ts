// Requests Slack did not sign (or signed too long ago) get 401 and change nothing; the URL check
// gets its challenge back; a redelivered event is answered once; the bot ignores its own messages,
// other bots and every message subtype.
import { BOT_ID, BOT_USER_ID } from '../helpers/fake-slack';
import {
  directMessageEvent,
  eventBody,
  JSON_TYPE,
  mentionEvent,
  retryHeaders,
  SIGNING_SECRET,
  send,
  signatureHeaders,
  slashCommandBody,
  urlVerificationBody,
} from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

const sixMinutesAgo = () => Math.floor(Date.now() / 1000) - 6 * 60;

describe('signatures', () => {
  const forged: Array<[string, (body: string) => Record<string, string>]> = [
    ['a signature made with another secret', (body) => signatureHeaders(body, 'not-the-secret')],
    ['no signature headers at all', () => ({})],
    [
      'a timestamp but no signature',
      (body) => ({ 'x-slack-request-timestamp': signatureHeaders(body)['x-slack-request-timestamp'] }),
    ],
    ['a signature but no timestamp', (body) => ({ 'x-slack-signature': signatureHeaders(body)['x-slack-signature'] })],
    [
      'a stale (6 minutes old) but otherwise valid signature',
      (body) => signatureHeaders(body, SIGNING_SECRET, sixMinutesAgo()),
    ],
    [
      'an unknown signature version',
      (body) => ({ ...signatureHeaders(body), 'x-slack-signature': `v1=${'0'.repeat(64)}` }),
    ],
    [
      'a signature over a different body',
      () => signatureHeaders(slashCommandBody({ text: 'something else', responseUrl: 'x' })),
    ],
  ];

  it.each(forged)('%s gets 401, and nothing reaches Slack', async (_name, headersFor) => {
    const { slack, eventsUrl } = running;
    slack.reset();
    const command = slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl('forged') });
    const event = eventBody(mentionEvent('I lost my MFA device'));
    const commandRes = await send(eventsUrl, command, 'application/x-www-form-urlencoded', {
      headers: headersFor(command),
    });
    const eventRes = await send(eventsUrl, event, JSON_TYPE, { headers: headersFor(event) });
    expect([commandRes.status, eventRes.status]).toEqual([401, 401]);
    await slack.settle();
    expect(slack.calls).toEqual([]);
    expect(slack.responseAttempts).toEqual([]);
  });

  it('accepts the same request signed properly, so the 401s above were the signature', async () => {
    const { slack } = running;
    const res = await sender.command('I lost my MFA device', slack.responseUrl('signed'));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'signed'));
  });

  it('answers the url_verification challenge, and only when signed', async () => {
    const body = urlVerificationBody('challenge-3f9a');
    const ok = await send(running.eventsUrl, body, JSON_TYPE);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ challenge: 'challenge-3f9a' });
    const unsigned = await send(running.eventsUrl, body, JSON_TYPE, { headers: {} });
    expect(unsigned.status).toBe(401);
  });
});

describe('Slack retries', () => {
  it('answers a redelivered event once, never twice', async () => {
    const { slack } = running;
    const event = mentionEvent('I lost my MFA device');
    const first = await sender.event(event, 'EvREDELIVER1');
    const again = await sender.event(event, 'EvREDELIVER1', { extraHeaders: retryHeaders(1) });
    const third = await sender.event(event, 'EvREDELIVER1', { extraHeaders: retryHeaders(2, 'http_error') });
    expect([first.status, again.status, third.status]).toEqual([200, 200, 200]);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts));
    await slack.settle();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === event.ts)).toHaveLength(1);
  });

  it('answers a retry when the first delivery never arrived', async () => {
    const { slack } = running;
    const event = mentionEvent('where do I find our account id?');
    await sender.event(event, 'EvFIRSTLOST1', { extraHeaders: retryHeaders(1, 'http_timeout') });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts));
  });

  it('answers two different events about the same question twice', async () => {
    const { slack } = running;
    const event = mentionEvent('I lost my MFA device');
    await sender.event(event, 'EvSAMETEXT01');
    await sender.event({ ...event, ts: '1700888888.000100', event_ts: '1700888888.000100' }, 'EvSAMETEXT02');
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700888888.000100'));
  });
});

describe('messages the bot must not answer', () => {
  const ignored: Array<[string, Record<string, unknown>]> = [
    ['its own message (by bot user)', directMessageEvent('I lost my MFA device', { user: BOT_USER_ID })],
    ['its own message (by bot id)', directMessageEvent('I lost my MFA device', { user: BOT_USER_ID, bot_id: BOT_ID })],
    ['another bot', directMessageEvent('I lost my MFA device', { bot_id: 'B0OTHERBOT' })],
    ['bot_message', directMessageEvent('I lost my MFA device', { subtype: 'bot_message', bot_id: 'B0OTHERBOT' })],
    [
      'message_changed',
      directMessageEvent('', {
        subtype: 'message_changed',
        user: undefined,
        message: { type: 'message', user: 'U0PERSON01', text: 'I lost my MFA device', ts: '1.1' },
        previous_message: { type: 'message', user: 'U0PERSON01', text: 'lost mfa', ts: '1.1' },
      }),
    ],
    ['message_deleted', directMessageEvent('', { subtype: 'message_deleted', user: undefined, deleted_ts: '1.1' })],
    ['message_replied', directMessageEvent('I lost my MFA device', { subtype: 'message_replied' })],
    ['channel_join', directMessageEvent('<@U0PERSON01> has joined the channel', { subtype: 'channel_join' })],
    [
      'a message in a channel (not a DM)',
      directMessageEvent('I lost my MFA device', { channel_type: 'channel', channel: 'C0CHANNEL1' }),
    ],
    ['a mention by another bot', mentionEvent('I lost my MFA device', { bot_id: 'B0OTHERBOT' })],
    ['a mention by itself', mentionEvent('I lost my MFA device', { user: BOT_USER_ID, bot_id: BOT_ID })],
  ];

  it.each(ignored)('ignores %s', async (_name, event) => {
    const { slack } = running;
    slack.reset();
    const res = await sender.event(event);
    expect(res.status).toBe(200);
    await slack.settle();
    expect(slack.calls).toEqual([]);
  });

  it('still answers a person right after ignoring all of those', async () => {
    const { slack } = running;
    await sender.event(directMessageEvent('I lost my MFA device', { channel: 'D0AFTER001' }));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0AFTER001'));
  });
});
