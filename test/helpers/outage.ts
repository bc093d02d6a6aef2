// Outages for Socket Mode tests: Slack unreachable for a while, then back, and how long the app took
// to answer again once it was. The waits are real (no fake timers): the reconnect loop runs as in
// production, with production backoff.
import { headerOf } from './cards';
import type { RunningSocketApp } from './socket-test-app';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks over the socket as soon as there is a connection; resolves with the ms from `since` to the answer. */
export async function msUntilAnswered(running: RunningSocketApp, since: number, id: string, limitMs = 20_000) {
  const { socket, slack, sender } = running;
  await socket.waitForConnection(limitMs);
  await sender.command({ text: 'I lost my MFA device', responseUrl: slack.responseUrl(id) });
  const posted = await slack.waitFor(() => slack.responses.find((r) => r.id === id), 5000);
  expect(headerOf(posted.body)).toMatch(/MFA/);
  return Date.now() - since;
}

/** Slack unreachable for `ms`, then back: how long until the app answered again, and what it logged meanwhile. */
export async function rideOutOutage(running: RunningSocketApp, ms: number, id: string) {
  const logsBefore = running.logs.length;
  await running.socket.goOffline();
  await sleep(ms);
  const back = Date.now();
  await running.socket.goOnline();
  const answeredAfterMs = await msUntilAnswered(running, back, id);
  const logged = running.logs.slice(logsBefore).filter((line) => /^(info|warn|error) /.test(line));
  return { answeredAfterMs, logged };
}
