// The app-level token refused while the app runs in Socket Mode (revoked, or the app's Socket Mode
// turned off): the app keeps trying, one line naming SLACK_APP_TOKEN per attempt, an attempt a minute
// in production (here every 1.5 s: the only timing this test changes), and it connects again as soon
// as Slack accepts the token.

import { msUntilAnswered, sleep } from '../helpers/outage';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { watchUnhandled } from '../helpers/test-app';

jest.setTimeout(30_000);

const TOKEN_RETRY_MS = 1500;
let running: RunningSocketApp;
const unhandled = watchUnhandled();
beforeAll(async () => {
  running = await startSocketTestApp({}, { socketModeBackoff: { tokenRetryMs: TOKEN_RETRY_MS } });
});
afterAll(async () => {
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

it('logs the refusal once per attempt, naming SLACK_APP_TOKEN, and reconnects once the token is accepted', async () => {
  const { socket, slack, logs } = running;
  const before = logs.length;
  slack.failNext('apps.connections.open', { error: 'token_revoked', times: 3 });
  socket.requestRefresh();
  await sleep(TOKEN_RETRY_MS * 2.5);
  const refusals = logs
    .slice(before)
    .filter((line) => line.includes('SLACK_APP_TOKEN was refused by Slack (token_revoked)'));
  // Attempts at 0, 1.5 and 3 s: three lines at most in 3.75 s, each an error without a stack.
  expect(refusals.length).toBeGreaterThanOrEqual(2);
  expect(refusals.length).toBeLessThanOrEqual(3);
  expect(refusals.every((line) => line.startsWith('error ') && !line.includes('\n'))).toBe(true);
  const accepted = Date.now();
  const answeredAfterMs = await msUntilAnswered(running, accepted, 'after-token');
  expect(answeredAfterMs).toBeLessThan(TOKEN_RETRY_MS * 2 + 2000);
  expect(logs.slice(before).filter((line) => /^warn /.test(line))).toEqual([]);
});
