import type { Context } from '@slack/bolt';
import { createRedeliveryFilter, eventKeyOf } from '../../src/slack/redelivered-events';
import { recordingLogger } from '../helpers/fakes';

function harness(options: Parameters<typeof createRedeliveryFilter>[0]) {
  const filter = createRedeliveryFilter(options);
  const passed: string[] = [];
  const run = async (eventId: string | undefined) => {
    const body = eventId ? { type: 'event_callback', event_id: eventId } : { type: 'block_actions' };
    const args = {
      body,
      context: { retryNum: 1 } as Context,
      logger: recordingLogger(),
      next: async () => {
        passed.push(eventId ?? 'no id');
      },
    };
    await (filter as unknown as (middlewareArgs: typeof args) => Promise<void>)(args);
  };
  return { run, passed };
}

describe('redelivered events', () => {
  it('lets an event through once, and anything without an event id always', async () => {
    const { run, passed } = harness({});
    for (const id of ['Ev1', 'Ev1', 'Ev2', undefined, undefined, 'Ev2']) await run(id);
    expect(passed).toEqual(['Ev1', 'Ev2', 'no id', 'no id']);
  });

  it('remembers a bounded number of ids, forgetting the oldest first', async () => {
    const { run, passed } = harness({ maxEntries: 2 });
    for (const id of ['Ev1', 'Ev2', 'Ev3', 'Ev3', 'Ev2', 'Ev1']) await run(id);
    expect(passed).toEqual(['Ev1', 'Ev2', 'Ev3', 'Ev1']);
  });

  it('forgets ids after their time', async () => {
    let now = 0;
    const { run, passed } = harness({ ttlMs: 1000, now: () => now });
    await run('Ev1');
    now = 500;
    await run('Ev1');
    now = 1600;
    await run('Ev1');
    expect(passed).toEqual(['Ev1', 'Ev1']);
  });
});

describe('eventKeyOf', () => {
  it('keys a message event by its conversation and ts, so an edit (new event_id) is the same message', () => {
    const original = { event_id: 'Ev1', event: { type: 'app_mention', channel: 'C1', ts: '1.2', text: 'lost mfa' } };
    const edited = { event_id: 'Ev2', event: { ...original.event, text: 'lost mfa phone', edited: { ts: '1.3' } } };
    expect(eventKeyOf(edited as never)).toBe(eventKeyOf(original as never));
    expect(eventKeyOf({ event_id: 'Ev3', event: { type: 'app_home_opened', user: 'U1' } } as never)).toBe('Ev3');
    expect(eventKeyOf({ type: 'block_actions' } as never)).toBeUndefined();
  });
});

describe('redelivered events across replicas', () => {
  it('drops an event another replica already answered, as the shared store says', async () => {
    const answeredElsewhere = new Set(['Ev1']);
    const { run, passed } = harness({
      events: { firstDelivery: async (key) => !answeredElsewhere.has(key) },
    });
    for (const id of ['Ev1', 'Ev2', 'Ev2']) await run(id);
    expect(passed).toEqual(['Ev2']);
  });

  it('answers when the store fails, once per event still, and says so once', async () => {
    const trouble: unknown[] = [];
    const { run, passed } = harness({
      events: { firstDelivery: async () => Promise.reject(new Error('connect ECONNREFUSED')) },
      onStoreTrouble: (error) => trouble.push(error),
    });
    for (const id of ['Ev1', 'Ev1', 'Ev2']) await run(id);
    expect(passed).toEqual(['Ev1', 'Ev2']);
    expect(trouble).toHaveLength(1);
  });
});
