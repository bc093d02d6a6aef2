// When Slack refuses or fails: rate limits (429 with Retry-After), 5xx, not_in_channel and
// channel_not_found, expired response_urls. Each is logged once, the person still gets a reply they
// can see when any route works, and the app keeps serving the next request.

import { ACTION, BLOCK } from '../../src/cards/ids';
import { SHARE_FAILED_TEXT, sharedByLine } from '../../src/listeners/actions/topic-actions';
import { SLACK_CALL_TIMEOUT_MS, SLACK_RETRY_POLICY } from '../../src/slack/client-options';
import { buttonOf, headerOf } from '../helpers/cards';
import { directMessageEvent, mentionEvent, slackSender } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, startTestApp, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

/** Every attempt the Web API client makes for one call: the first and each retry. */
const ALL_ATTEMPTS = (SLACK_RETRY_POLICY.retries ?? 0) + 1;
/** An answer is posted without the client's retries (a late answer would post it again): a 5xx is tried twice. */
const ANSWER_ATTEMPTS = 2;

let logMark = 0;
beforeEach(() => {
  running.slack.reset();
  logMark = running.logs.length;
});
/** Warnings and errors logged since the test began. */
const problems = () => running.logs.slice(logMark).filter((line) => /^(warn|error) /.test(line));

/** The next request after a failure is answered normally: the app kept serving. */
async function stillServes(): Promise<void> {
  const { slack } = running;
  const id = `after-${logMark}`;
  await sender.command('I lost my MFA device', slack.responseUrl(id));
  const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
  expect(headerOf(reply.body)).toMatch(/MFA/);
}

async function mentionAndWait(probe: () => unknown) {
  const event = mentionEvent('I lost my MFA device', { user: 'U0PERSON01', channel: 'C0CHANNEL1' });
  expect((await sender.event(event)).status).toBe(200);
  await running.slack.waitFor(probe, 8000);
  await running.slack.settle();
  return event;
}

describe('rate limiting', () => {
  it('waits out a 429 for its Retry-After, then posts; logged once', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const event = await mentionAndWait(() => slack.callsTo('chat.postMessage').length === 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts.map((c) => c.args.thread_ts)).toEqual([event.ts, event.ts]);
    expect(running.logs.slice(logMark).filter((line) => /rate limit/i.test(line))).toEqual([
      expect.stringMatching(
        /^warn app_mention: chat\.postMessage failed \(rate limited, retry after 1 s\); delivered via chat\.postMessage after waiting$/,
      ),
    ]);
    await stillServes();
  });

  it('takes the next route at once when Slack asks for a long wait', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 60 });
    await mentionAndWait(() => slack.callsTo('chat.postEphemeral').length === 1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(problems()).toEqual([
      expect.stringMatching(/retry after 60 s\); delivered via chat\.postEphemeral instead/),
    ]);
  });
});

describe('5xx', () => {
  it('retries a 503 once and posts, with nothing to log', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { status: 503 });
    await mentionAndWait(() => slack.callsTo('chat.postMessage').length === 2);
    expect(slack.callsTo('chat.postEphemeral')).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it('falls back to a private reply when posting keeps failing; logged once', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { status: 500, times: ANSWER_ATTEMPTS });
    const event = await mentionAndWait(() => slack.callsTo('chat.postEphemeral').length === 1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(ANSWER_ATTEMPTS);
    const [ephemeral] = slack.callsTo('chat.postEphemeral');
    expect(ephemeral?.args).toMatchObject({ channel: 'C0CHANNEL1', user: 'U0PERSON01', thread_ts: event.ts });
    expect(headerOf(ephemeral?.args ?? {})).toMatch(/MFA/);
    expect(problems()).toHaveLength(1);
    expect(problems()[0]).toMatch(
      /^warn app_mention: chat\.postMessage failed \(HTTP 500\); delivered via chat\.postEphemeral/,
    );
    await stillServes();
  });

  it('logs one error, and keeps serving, when every route fails', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { status: 500, times: ANSWER_ATTEMPTS + ALL_ATTEMPTS });
    slack.failNext('chat.postEphemeral', { status: 502, times: ALL_ATTEMPTS });
    await sender.event(directMessageEvent('I lost my MFA device', { channel: 'D0DOWN0001' }));
    await slack.waitFor(() => problems().length > 0, 8000);
    await slack.settle();
    // In the DM (posted once, a 5xx tried twice), then privately in the DM, then in the app's DM by user
    // id (each with the client's retries).
    expect(slack.calls).toHaveLength(ANSWER_ATTEMPTS + 2 * ALL_ATTEMPTS);
    expect(problems()).toHaveLength(1);
    expect(problems()[0]).toMatch(
      /^error message\.im: could not deliver the reply: chat\.postMessage failed \(HTTP 500\)/,
    );
    await stillServes();
  });
});

describe('not_in_channel and channel_not_found', () => {
  it('answers a mention privately when the bot may not post in the channel', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await mentionAndWait(() => slack.callsTo('chat.postEphemeral').length === 1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(problems()).toEqual([
      expect.stringMatching(
        /^warn app_mention: chat\.postMessage failed \(not_in_channel\); delivered via chat\.postEphemeral/,
      ),
    ]);
  });

  it('answers in a direct message when the channel is gone altogether', async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await mentionAndWait(() => slack.callsTo('chat.postMessage').length === 2);
    const dm = slack.callsTo('chat.postMessage')[1];
    expect(dm?.args.channel).toBe('U0PERSON01');
    expect(headerOf(dm?.args ?? {})).toMatch(/MFA/);
    expect(problems()).toHaveLength(1);
    expect(problems()[0]).toMatch(/channel_not_found.*channel_not_found.*delivered via direct message/);
    await stillServes();
  });
});

describe('Slack slower than the call timeout', () => {
  it('answers a mention once: no copy per retry in the thread, and no private copy after', async () => {
    const { slack } = running;
    slack.setLatency(SLACK_CALL_TIMEOUT_MS + 500, 'chat.postMessage');
    try {
      await sender.event(mentionEvent('I lost my MFA device', { user: 'U0PERSON01', channel: 'C0SLOWSLK1' }));
      await slack.waitFor(() => problems().length > 0, SLACK_CALL_TIMEOUT_MS + 5000);
      await slack.settle(1000);
    } finally {
      slack.setLatency(0, 'chat.postMessage');
    }
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0SLOWSLK1')).toHaveLength(1);
    expect(slack.callsTo('chat.postEphemeral')).toEqual([]);
    expect(problems().at(-1)).toMatch(/it may have arrived, so no other route is tried/);
    await stillServes();
  }, 40_000);
});

describe('Slack refuses the card itself', () => {
  it("answers a mention with the card's text alone, in the thread, rather than nothing anywhere", async () => {
    const { slack } = running;
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await mentionAndWait(() => slack.callsTo('chat.postMessage').length === 2);
    const [refused, plain] = slack.callsTo('chat.postMessage');
    expect(plain?.args.thread_ts).toBe(refused?.args.thread_ts);
    expect(plain?.args.blocks).toBeUndefined();
    expect(String(plain?.args.text)).toMatch(/MFA/);
    expect(problems()).toEqual([
      expect.stringMatching(
        /^error app_mention: chat\.postMessage failed \(invalid_blocks\); delivered its text alone/,
      ),
    ]);
    await stillServes();
  });
});

describe('expired response_url', () => {
  it('answers /aws-signin with a private message instead; logged once', async () => {
    const { slack } = running;
    slack.expireResponseUrl('expired-cmd');
    await sender.command('I lost my MFA device', slack.responseUrl('expired-cmd'), { channelId: 'C0CHANNEL2' });
    const ephemeral = await slack.waitFor(() => slack.callsTo('chat.postEphemeral')[0]);
    expect(ephemeral.args).toMatchObject({ channel: 'C0CHANNEL2', user: 'U0PERSON01' });
    expect(headerOf(ephemeral.args)).toMatch(/MFA/);
    expect(slack.responseAttempts).toEqual([{ id: 'expired-cmd', status: 404 }]);
    await slack.settle();
    expect(problems()).toEqual([
      expect.stringMatching(/response_url failed \(HTTP 404\); delivered via chat\.postEphemeral/),
    ]);
    await stillServes();
  });

  it('answers in a direct message when the command came from a channel the bot is not in', async () => {
    const { slack } = running;
    slack.expireResponseUrl('expired-cmd-2');
    slack.failNext('chat.postEphemeral', { error: 'not_in_channel' });
    await sender.command('I lost my MFA device', slack.responseUrl('expired-cmd-2'));
    const dm = await slack.waitFor(() => slack.callsTo('chat.postMessage')[0]);
    expect(dm.args.channel).toBe('U0PERSON01');
    await slack.settle();
    expect(problems()).toHaveLength(1);
  });

  it('answers a click on an old card privately instead of replacing it', async () => {
    const { slack } = running;
    slack.expireResponseUrl('expired-click');
    await sender.click({
      actionId: `${ACTION.openTopic}_0`,
      blockId: BLOCK.choices,
      value: 'root-password-reset',
      responseUrl: slack.responseUrl('expired-click'),
      ephemeral: true,
    });
    const ephemeral = await slack.waitFor(() => slack.callsTo('chat.postEphemeral')[0]);
    expect(ephemeral.args).toMatchObject({ channel: 'C0CHANNEL1', user: 'U0PERSON01' });
    expect(headerOf(ephemeral.args)).toMatch(/root/i);
    await slack.settle();
    expect(problems()).toHaveLength(1);
  });

  it('shares an old answer by posting it in the channel itself', async () => {
    const { slack } = running;
    await sender.command('where do I find our account id?', slack.responseUrl('to-share'));
    const card = (await slack.waitFor(() => slack.responses.find((r) => r.id === 'to-share'))).body;
    slack.expireResponseUrl('old-share');
    const share = buttonOf(card, (b) => b.actionId === ACTION.shareInChannel);
    await sender.click({ ...share, responseUrl: slack.responseUrl('old-share'), ephemeral: true, userId: 'U0SHARER1' });
    const posted = await slack.waitFor(() => slack.callsTo('chat.postMessage')[0]);
    expect(posted.args.channel).toBe('C0CHANNEL1');
    expect(headerOf(posted.args)).toBe(headerOf(card));
    expect(JSON.stringify(posted.args.blocks)).toContain(sharedByLine('U0SHARER1'));
    await slack.settle();
    expect(problems()).toHaveLength(1);
  });

  it('says privately why it could not share when the bot is not in the channel', async () => {
    const { slack } = running;
    slack.expireResponseUrl('old-share-2');
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await sender.click({
      actionId: ACTION.shareInChannel,
      blockId: BLOCK.followUps,
      value: 'find-account-id',
      responseUrl: slack.responseUrl('old-share-2'),
      ephemeral: true,
    });
    const ephemeral = await slack.waitFor(() => slack.callsTo('chat.postEphemeral')[0]);
    expect(String(ephemeral.args.text)).toContain(SHARE_FAILED_TEXT);
    expect(ephemeral.args.user).toBe('U0PERSON01');
    await slack.settle();
    expect(problems()).toEqual([
      expect.stringMatching(
        /response_url failed \(HTTP 404\); chat\.postMessage failed \(not_in_channel\); delivered via chat\.postEphemeral/,
      ),
    ]);
    await stillServes();
  });
});

describe('Slack down when the app starts', () => {
  it('checks its token again later and answers once Slack is back', async () => {
    const late = await startTestApp(
      {},
      {
        beforeStart: (slack) => slack.failNext('auth.test', { status: 500, times: ALL_ATTEMPTS }),
      },
    );
    try {
      await late.slack.waitFor(() => late.logs.find((line) => line.includes('Could not check the bot token')), 8000);
      await slackSender(late.eventsUrl).command('I lost my MFA device', late.slack.responseUrl('late'));
      const reply = await late.slack.waitFor(() => late.slack.responses.find((r) => r.id === 'late'));
      expect(headerOf(reply.body)).toMatch(/MFA/);
      expect(late.slack.callsTo('auth.test')).toHaveLength(ALL_ATTEMPTS + 1);
    } finally {
      await late.stop();
    }
  });
});
