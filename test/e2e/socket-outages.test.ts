// Slack unreachable for 1 s and for 10 s while the app runs in Socket Mode (both the Web API and the
// WebSocket refuse connections): the process survives, logs one line when the connection is lost and
// one when it is back, and answers again within 15 s of Slack being back. Real waits, production
// backoff. The 60 s outage and the late start are in socket-long-outages.test.ts.

import { rideOutOutage } from '../helpers/outage';
import { type RunningSocketApp, startSocketTestApp } from '../helpers/socket-test-app';
import { watchUnhandled } from '../helpers/test-app';

jest.setTimeout(60_000);

let running: RunningSocketApp;
const unhandled = watchUnhandled();
beforeAll(async () => {
  running = await startSocketTestApp();
});
afterAll(async () => {
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

describe.each([1000, 10_000])('Slack unreachable for %i ms', (outageMs) => {
  it('answers again within 15 s of Slack being back, having logged one line when lost and one when back', async () => {
    const { answeredAfterMs, logged } = await rideOutOutage(running, outageMs, `after-${outageMs}`);
    process.stdout.write(`outage ${outageMs} ms: answered again ${answeredAfterMs} ms after Slack was back\n`);
    expect(answeredAfterMs).toBeLessThan(15_000);
    expect(logged).toEqual([
      'warn Lost the connection to Slack (Socket Mode); reconnecting until it is back',
      expect.stringMatching(/^info Connected to Slack again \(Socket Mode\), after \d+ s$/),
    ]);
    expect(unhandled.escaped).toEqual([]);
  });
});
