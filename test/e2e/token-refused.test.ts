// A bot token Slack refuses while the app runs (revoked, or the workspace deactivated it): every
// request is still acknowledged, nothing is posted, and the refusal is logged once (at most once a
// minute), naming SLACK_BOT_TOKEN, without a stack trace; not a stack trace per request.
import { mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp(
  (started) => {
    ({ running, sender } = started);
  },
  {},
  { beforeStart: (slack) => slack.failNext('auth.test', { error: 'token_revoked', times: 1000 }) },
);

it('acknowledges 20 requests, answers none, and logs the refusal once, without a stack', async () => {
  const { slack, logs } = running;
  for (let i = 0; i < 10; i++) {
    expect((await sender.command('I lost my MFA device', slack.responseUrl(`revoked-${i}`))).status).toBe(200);
    expect((await sender.event(mentionEvent('I lost my MFA device'))).status).toBe(200);
  }
  await slack.settle(200);
  expect(slack.responses).toEqual([]);
  expect(slack.callsTo('chat.postMessage')).toEqual([]);
  const notable = logs.filter((line) => /^(warn|error) /.test(line));
  expect(notable).toEqual([expect.stringMatching(/^error SLACK_BOT_TOKEN was refused by Slack \(token_revoked\)/)]);
  expect(logs.join('\n')).not.toMatch(/\n\s+at /);
});
