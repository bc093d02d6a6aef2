// A topic button on the Home tab sends its card to the person's DM. When Slack is briefly rate-limited
// the card still arrives once the short wait is over (before: the person got an apology instead, or
// nothing), and when Slack answers late the card is posted once (before: the client's retries posted it
// again after every timeout, three identical cards in the DM).
import { ACTION, BLOCK, positional } from '../../src/cards/ids';
import { SLACK_CALL_TIMEOUT_MS } from '../../src/slack/client-options';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => ({ running, sender } = started));

const clickHomeTopic = (userId: string, topicId: string) =>
  sender.click({
    actionId: positional(ACTION.homeTopic, 0),
    blockId: `${BLOCK.homeTopics}_0`,
    value: topicId,
    responseUrl: running.slack.responseUrl(`home-${userId}`),
    channelId: 'D0DM000001',
    userId,
  });

const cardsIn = (userId: string) =>
  running.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === userId);

it("waits out a short rate limit and sends the topic's card", async () => {
  const { slack } = running;
  slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
  await clickHomeTopic('U0HOME0001', 'find-account-id');
  await slack.waitFor(() => cardsIn('U0HOME0001').length >= 2, 5000);
  // The first attempt was refused; the second, after the wait, is the card itself.
  expect(JSON.stringify(cardsIn('U0HOME0001')[1]?.args.blocks)).toContain('account ID');
});

it('posts the card once when Slack answers too late', async () => {
  const { slack } = running;
  slack.setLatency(SLACK_CALL_TIMEOUT_MS + 300, 'chat.postMessage');
  await clickHomeTopic('U0HOME0002', 'find-account-id');
  // Long enough for the client's first retry, had it made one.
  await slack.settle(SLACK_CALL_TIMEOUT_MS + 3000);
  slack.setLatency(0, 'chat.postMessage');
  expect(cardsIn('U0HOME0002')).toHaveLength(1);
}, 30_000);
