// The PostgreSQL store when the server goes away while the app runs: refused connections (stopped) and
// a network partition (nothing answers). Reached through a TCP proxy this test controls; the real server,
// shared with other runs, is never stopped.
import { openStore } from '../../src/store/open-store';
import type { NewQuestion, Store } from '../../src/store/types';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { dropSchema, freshSchema, postgresAvailable } from '../helpers/temp-store';

const describePostgres = postgresAvailable() ? describe : describe.skip;
jest.setTimeout(30_000);

const question: NewQuestion = {
  userId: 'U0ASKER01',
  surface: 'dm',
  question: 'lost my mfa',
  kind: 'answer',
  topicId: 'mfa-device-lost',
  confidence: 0.9,
};

describePostgres('PostgreSQL going away while the app runs', () => {
  let proxy: TcpProxy;
  let schema: string;
  let store: Store;
  const reports: string[] = [];

  beforeEach(async () => {
    proxy = await startTcpProxy(5432);
    schema = freshSchema();
    reports.length = 0;
    store = await openStore(
      { kind: 'postgres', url: proxy.url('test'), poolSize: 5, statementTimeoutMs: 500, schema },
      {
        retryMs: 100,
        onUnavailable: (_, waiting) => reports.push(`unavailable ${waiting}`),
        onRecovered: (saved) => reports.push(`recovered ${saved}`),
        onBackgroundError: () => undefined,
      },
    );
  });
  afterEach(async () => {
    proxy.restore();
    await store.close().catch(() => undefined);
    await proxy.close();
    await dropSchema(schema);
  });

  const waitFor = async (probe: () => Promise<boolean>, ms: number) => {
    for (const started = Date.now(); Date.now() - started < ms; ) {
      if (await probe().catch(() => false)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };

  for (const outage of ['cut', 'stall'] as const) {
    it(`${outage === 'cut' ? 'stopped (connections refused)' : 'partitioned (nothing answers)'}: ids still handed out, feedback refused within the timeout, every question saved after`, async () => {
      const before = store.questions.record(question);
      await store.stats.usage();
      proxy[outage]();
      const during = Array.from({ length: 50 }, () => store.questions.record(question));
      expect(new Set([before, ...during]).size).toBe(51);
      const started = Date.now();
      await expect(
        store.feedback.save({ questionId: before, userId: 'U0ASKER01', topicId: 'mfa-device-lost', helpful: true }),
      ).rejects.toThrow();
      const refusedAfterMs = Date.now() - started;
      expect(refusedAfterMs).toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      proxy.restore();
      const caughtUp = await waitFor(async () => (await store.stats.usage()).questions === 51, 15_000);
      process.stdout.write(
        `PostgreSQL ${outage}: feedback refused after ${refusedAfterMs} ms; caught up ${caughtUp}; reports ${reports.join(', ')}\n`,
      );
      expect(caughtUp).toBe(true);
      expect(reports).toEqual(['unavailable 50', 'recovered 50']);
      expect(
        await store.feedback.save({
          questionId: before,
          userId: 'U0ASKER01',
          topicId: 'mfa-device-lost',
          helpful: true,
        }),
      ).toBe(true);
    });
  }
});
