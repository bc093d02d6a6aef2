// Slack sends `app_mention` again whenever a person edits a message that mentions the app, and an edit can
// come long after the question: it is the message already answered, not a new question. Keys used to be
// remembered 15 minutes (Slack's retries come within 5), so an edit an hour later was answered and
// recorded a second time. This file moves the whole process's clock (before the app starts).
import { editedMention } from '../fixtures/slack-payloads';
import { mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const realNow = Date.now.bind(Date);
let offsetMs = 0;
Date.now = () => realNow() + offsetMs;

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

const postsTo = (channel: string) =>
  running.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

it.each([1, 16, 60, 23 * 60])(
  'an edit %i minutes after the mention is neither answered nor recorded again',
  async (minutes) => {
    const channel = `C0EDIT${String(minutes).padStart(4, '0')}`;
    const { slack } = running;
    const original = mentionEvent('I lost my MFA device', { channel });
    await sender.event(original);
    await slack.waitFor(() => postsTo(channel)[0]);
    const recorded = (await running.store.stats.usage()).questions;

    offsetMs += minutes * 60_000;
    expect((await sender.event(editedMention(original, 'I lost my MFA device and my backup codes'))).status).toBe(200);
    await slack.settle(400);
    expect(postsTo(channel)).toHaveLength(1);
    expect((await running.store.stats.usage()).questions).toBe(recorded);
  },
);
