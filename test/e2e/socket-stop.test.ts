// Stopping in Socket Mode (what SIGTERM runs): the connection is closed, and every request already
// acknowledged is still answered and recorded before stop() resolves, with Slack taking 300 ms a reply.
import Database from 'better-sqlite3';
import { startSocketTestApp } from '../helpers/socket-test-app';
import { watchUnhandled } from '../helpers/test-app';

it('answers and records every acknowledged command before the stop completes', async () => {
  const unhandled = watchUnhandled();
  const running = await startSocketTestApp();
  const { slack, sender, created, config } = running;
  slack.setLatency(300);
  const ids = Array.from({ length: 20 }, (_, i) => `stop-${i}`);
  const acks = await Promise.all(
    ids.map((id) => sender.command({ text: 'I lost my MFA device', responseUrl: slack.responseUrl(id) })),
  );
  expect(acks).toHaveLength(20);
  // Nothing answered yet: Slack is still taking the replies when the stop begins.
  expect(slack.responses).toHaveLength(0);
  const { drained } = await created.stop();
  expect(drained).toBe(true);
  expect(running.socket.isConnected()).toBe(false);
  expect(slack.responses.map((response) => response.id).sort()).toEqual([...ids].sort());
  running.store.close();
  const db = new Database(config.databasePath, { readonly: true });
  expect((db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n).toBe(20);
  db.close();
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});
