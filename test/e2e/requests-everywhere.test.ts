// "help", "stats" and "thanks" mean the same wherever a person writes them: `/aws-signin help`, a mention
// "@app help", a DM "stats". Before, only the slash command knew help and stats; a mention or DM of them
// got "Sorry, I don't know this one", and they (and every "thanks") were counted among the questions
// nobody could answer. Stats stay private: asked in a channel, they go to the administrator alone.
import { HELP_TITLE } from '../../src/cards/build-help-card';
import { STATS_REFUSAL_TEXT } from '../../src/cards/build-stats-card';
import { notPostedThereText } from '../../src/listeners/events/answer-in-conversation';
import { THANKS_REPLY_TEXT } from '../../src/listeners/requests';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { directMessageEvent, mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

const ADMIN = 'U0ADMIN001';
let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => ({ running, sender } = started), { adminUserIds: [ADMIN] });

const postsTo = (channel: string) =>
  running.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

it('answers a mention of "help" with the help card, in the thread', async () => {
  const event = mentionEvent('help');
  await sender.event(event);
  const card = await running.slack.waitFor(() =>
    postsTo('C0CHANNEL1').find((call) => call.args.thread_ts === event.ts),
  );
  expect(JSON.stringify(card.args.blocks)).toContain(HELP_TITLE);
});

it('answers "thanks!" in a DM with a short note, and does not count it as a question nobody could answer', async () => {
  const before = postsTo('D0DM000001').length;
  await sender.event(directMessageEvent('thanks!'));
  await running.slack.waitFor(() => postsTo('D0DM000001').length > before);
  expect(postsTo('D0DM000001').at(-1)?.args.text).toBe(THANKS_REPLY_TEXT);
  const stats = await running.store.stats.usage();
  expect(JSON.stringify(stats)).not.toContain('thanks');
});

it('gives an administrator the stats in a DM, and anyone else a polite no', async () => {
  await sender.event(directMessageEvent('stats', { user: ADMIN, channel: 'D0DMADMIN1' }));
  const stats = await running.slack.waitFor(() => postsTo('D0DMADMIN1')[0]);
  expect(JSON.stringify(stats.args.blocks)).toContain('Usage in the last 7 days');
  await sender.event(directMessageEvent('stats', { user: 'U0PERSON02', channel: 'D0DMPERS02' }));
  const refusal = await running.slack.waitFor(() => postsTo('D0DMPERS02')[0]);
  expect(refusal.args.text).toBe(STATS_REFUSAL_TEXT);
});

it('sends an administrator who asks for stats in a channel the stats privately, not to the channel', async () => {
  const publicBefore = postsTo('C0CHANNEL2').length;
  await sender.event(mentionEvent('stats', { user: ADMIN, channel: 'C0CHANNEL2' }));
  const privately = await running.slack.waitFor(() =>
    running.slack.callsTo('chat.postEphemeral').find((call) => call.args.channel === 'C0CHANNEL2'),
  );
  expect(privately.args.user).toBe(ADMIN);
  expect(postsTo('C0CHANNEL2')).toHaveLength(publicBefore);
});

it('shows the help card for "/aws-signin help me"', async () => {
  await sender.command('help me', running.slack.responseUrl('help-me'));
  const reply = await running.slack.waitFor(() => running.slack.responses.find((r) => r.id === 'help-me'));
  expect(JSON.stringify(reply.body.blocks)).toContain(HELP_TITLE);
});

it('says why an answer to a mention came by DM when the bot cannot post in that channel', async () => {
  const { slack } = running;
  slack.failNext('chat.postMessage', { error: 'not_in_channel' });
  slack.failNext('chat.postEphemeral', { error: 'not_in_channel' });
  await sender.event(mentionEvent('I lost my MFA device', { user: 'U0PERSON09', channel: 'C0NOTIN001' }));
  const dm = await slack.waitFor(() => postsTo('U0PERSON09')[0]);
  expect(String(dm.args.text)).toContain(notPostedThereText('C0NOTIN001'));
  expect(JSON.stringify(dm.args.blocks)).toContain('is the app invited there, and allowed to post?');
  expect(JSON.stringify(dm.args.blocks)).toContain('MFA');
});

it('posts the help card once when Slack answers late, as an answer is posted', async () => {
  const { slack } = running;
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 300, 'chat.postMessage');
  const event = mentionEvent('help', { channel: 'C0SLOW0001' });
  await sender.event(event);
  // Long enough for the client's first retry, had it made one.
  await slack.settle(SLACK_CALL_TIMEOUT_MS + 3000);
  slack.setLatency(0, 'chat.postMessage');
  expect(postsTo('C0SLOW0001').filter((call) => call.args.thread_ts === event.ts)).toHaveLength(1);
}, 30_000);
