// The long waits, in a file of their own: Slack unreachable for 60 s while the app runs in Socket
// Mode, and Slack unreachable for the first 8 s after the app starts. Real waits, production backoff
// (at most 8 s between attempts, randomised by 20%).

import { msUntilAnswered, rideOutOutage, sleep } from '../helpers/outage';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { watchUnhandled } from '../helpers/test-app';

jest.setTimeout(120_000);

const unhandled = watchUnhandled();
afterAll(() => {
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

describe('Slack unreachable for 60 s', () => {
  let running: RunningSocketApp;
  beforeAll(async () => {
    running = await startSocketTestApp();
  });
  afterAll(async () => running.stop());

  it('survives, logs one line when lost and one when back, and answers within 15 s of Slack being back', async () => {
    const { answeredAfterMs, logged } = await rideOutOutage(running, 60_000, 'after-60s');
    process.stdout.write(`outage 60000 ms: answered again ${answeredAfterMs} ms after Slack was back\n`);
    expect(answeredAfterMs).toBeLessThan(15_000);
    expect(logged).toEqual([
      'warn Lost the connection to Slack (Socket Mode); reconnecting until it is back',
      expect.stringMatching(/^info Connected to Slack again \(Socket Mode\), after \d+ s$/),
    ]);
  });
});

describe('Slack unreachable for the first 8 s', () => {
  let running: RunningSocketApp;
  afterAll(async () => running.stop());

  it('keeps trying instead of exiting, says so once, and answers within 15 s of Slack being up', async () => {
    running = await startSocketTestApp({}, { beforeStart: (socket) => socket.goOffline(), waitForConnection: false });
    let started = false;
    running.started.then(() => {
      started = true;
    });
    await sleep(8000);
    expect(started).toBe(false);
    const up = Date.now();
    await running.socket.goOnline();
    await running.started;
    const answeredAfterMs = await msUntilAnswered(running, up, 'after-late-start');
    process.stdout.write(`late start (8 s): answered ${answeredAfterMs} ms after Slack was up\n`);
    expect(answeredAfterMs).toBeLessThan(15_000);
    const notable = running.logs.filter((line) => /^(warn|error) /.test(line));
    expect(notable).toEqual([expect.stringMatching(/^warn Slack is not reachable yet \(.+\); the app keeps trying/)]);
  });
});
