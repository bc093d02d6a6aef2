// The real Bolt app over real HTTP on 127.0.0.1: signed requests in, fake Slack Web API and
// response_url out.

import { CLARIFY_PROMPT } from '../../src/cards/build-clarify-card';
import { FALLBACK_TEXT } from '../../src/cards/build-fallback-card';
import { ACTION, BLOCK, positional } from '../../src/cards/ids';
import { actionBody, blockActionPayload, eventBody, send, slashCommandBody } from '../helpers/slack-requests';
import { type RunningApp, startTestApp } from '../helpers/test-app';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
});
afterAll(async () => {
  await running.stop();
});

const headerOf = (body: Record<string, unknown>): string => {
  const blocks = body.blocks as Array<{ type: string; text?: { text: string } }>;
  return blocks.find((b) => b.type === 'header')?.text?.text ?? '';
};

describe('HTTP mode, end to end', () => {
  it('answers /aws-signin privately through the response_url', async () => {
    const { slack, eventsUrl } = running;
    const res = await send(
      eventsUrl,
      slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl('cmd-1') }),
      FORM,
    );
    expect(res.status).toBe(200);
    const posted = await slack.waitFor(() => slack.responses.find((r) => r.id === 'cmd-1'));
    expect(posted.body.response_type).toBe('ephemeral');
    expect(headerOf(posted.body)).toMatch(/MFA/);
    expect(typeof posted.body.text).toBe('string');
  });

  it('answers an @-mention in the thread of the mention', async () => {
    const { slack, eventsUrl } = running;
    const event = {
      type: 'app_mention',
      user: 'U0PERSON01',
      text: '<@UBOTUSER1> where do I find our account id?',
      ts: '1700000001.000100',
      channel: 'C0CHANNEL1',
      event_ts: '1700000001.000100',
    };
    const res = await send(eventsUrl, eventBody(event), JSON_TYPE);
    expect(res.status).toBe(200);
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700000001.000100'),
    );
    expect(call.args.channel).toBe('C0CHANNEL1');
    expect(headerOf(call.args)).toMatch(/account ID/i);
  });

  it('answers a direct message in the DM', async () => {
    const { slack, eventsUrl } = running;
    const event = {
      type: 'message',
      channel_type: 'im',
      user: 'U0PERSON01',
      text: 'how do i close my aws account',
      ts: '1700000002.000100',
      channel: 'D0DM000001',
      event_ts: '1700000002.000100',
    };
    await send(eventsUrl, eventBody(event), JSON_TYPE);
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0DM000001'),
    );
    expect(call.args.thread_ts).toBeUndefined();
    expect(headerOf(call.args)).toMatch(/close/i);
  });

  it('replaces a clarify card with the chosen topic when a choice is clicked', async () => {
    const { slack, eventsUrl } = running;
    const payload = blockActionPayload({
      actionId: positional(ACTION.openTopic, 1),
      blockId: BLOCK.choices,
      value: 'iam-password-reset',
      responseUrl: slack.responseUrl('click-1'),
      ephemeral: true,
    });
    const res = await send(eventsUrl, actionBody(payload), FORM);
    expect(res.status).toBe(200);
    const posted = await slack.waitFor(() => slack.responses.find((r) => r.id === 'click-1'));
    expect(posted.body.replace_original).toBe(true);
    expect(headerOf(posted.body)).toMatch(/IAM/);
  });

  it('gets 401 and does nothing for a request with a bad signature', async () => {
    const { slack, eventsUrl } = running;
    const before = slack.responses.length;
    const res = await send(
      eventsUrl,
      slashCommandBody({ text: 'mfa lost', responseUrl: slack.responseUrl('forged') }),
      FORM,
      { secret: 'not-the-secret' },
    );
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.responses.length).toBe(before);
  });

  it('clarifies and falls back through the same path', async () => {
    const { slack, eventsUrl } = running;
    await send(
      eventsUrl,
      slashCommandBody({ text: 'forgot my password', responseUrl: slack.responseUrl('cmd-2') }),
      FORM,
    );
    await send(
      eventsUrl,
      slashCommandBody({
        text: 'how do I create an S3 bucket with versioning?',
        responseUrl: slack.responseUrl('cmd-3'),
      }),
      FORM,
    );
    const clarify = await slack.waitFor(() => slack.responses.find((r) => r.id === 'cmd-2'));
    const fallback = await slack.waitFor(() => slack.responses.find((r) => r.id === 'cmd-3'));
    expect(String(clarify.body.text)).toContain(CLARIFY_PROMPT);
    expect(String(fallback.body.text)).toContain(FALLBACK_TEXT);
  });
});
