// Every request from Slack (HTTP or Socket Mode) passes through App#processEvent; this wraps it to
// (1) count the requests still being worked on, so a graceful stop can wait for their replies, and
// (2) acknowledge `app_rate_limited`, which Bolt cannot route (it has no event inside) and left
// unacknowledged: a 404 after 3 s over HTTP and a warning line each time, and (3) acknowledge and drop
// a payload of a shape the listeners cannot read. Over HTTP the guard refuses those with 400 first;
// Socket Mode has no such guard, and a listener that threw on one left it unacknowledged.
import type { App, Logger } from '@slack/bolt';
import { checkBodyShape } from './request-shape';

export interface EventGate {
  /** Requests acknowledged or not, whose listeners have not finished yet. */
  inFlight(): number;
  /** Resolves true once nothing is in flight, or false after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean>;
}

/** Slack's notice that it is holding back events: over 30,000 in an hour for one workspace. */
export const APP_RATE_LIMITED_LOG =
  'Slack is holding back events for this app (app_rate_limited: more than 30,000 events in an hour)';

function isAppRateLimited(body: unknown): boolean {
  return (body as { type?: unknown } | null | undefined)?.type === 'app_rate_limited';
}

export function createEventGate(app: App, logger: Logger): EventGate {
  let inFlight = 0;
  let onIdle: Array<() => void> = [];
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (isAppRateLimited(event.body)) {
      const minute = (event.body as { minute_rate_limited?: unknown }).minute_rate_limited;
      logger.warn(
        `${APP_RATE_LIMITED_LOG}${typeof minute === 'number' ? `, since ${new Date(minute * 1000).toISOString()}` : ''}`,
      );
      await event.ack();
      return;
    }
    const shape = checkBodyShape(event.body);
    if (!shape.ok) {
      // The reason only: the payload can carry a person's text.
      logger.warn(`Dropped a request Slack would not send: ${shape.reason}`);
      await event.ack();
      return;
    }
    inFlight++;
    try {
      await processEvent(event);
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const waiting = onIdle;
        onIdle = [];
        for (const resolve of waiting) resolve();
      }
    }
  };
  return {
    inFlight: () => inFlight,
    drained(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        onIdle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
