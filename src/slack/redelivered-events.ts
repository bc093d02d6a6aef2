// Slack redelivers an event (with X-Slack-Retry-Num) when it thinks the first delivery failed, and may
// do so after the first one was already answered; and when a person edits a message that mentions the
// app, Slack sends `app_mention` again (same channel and `ts`, an `edited` field, a new event_id). This
// middleware, on the listeners that answer, remembers recent events by the message they are about in a
// bounded in-memory cache and drops any it has already seen, so a question is answered (and recorded)
// once. One process only: several instances behind a load balancer would need a shared store.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export interface RedeliveryFilterOptions {
  /** How many event ids to remember; the oldest are forgotten first. */
  maxEntries?: number;
  /** How long an id is remembered. Slack retries within minutes (immediately, after 1 and 5 minutes). */
  ttlMs?: number;
  now?: () => number;
}

export const REDELIVERY_DEFAULTS = { maxEntries: 10_000, ttlMs: 15 * 60 * 1000 } as const;

/**
 * What makes two deliveries the same question: the message they are about (its conversation and
 * `ts`, which an edit keeps), else Slack's event id. The one place this is decided.
 */
export function eventKeyOf(body: AnyMiddlewareArgs['body']): string | undefined {
  const { event_id: id, event } = body as { event_id?: unknown; event?: { channel?: unknown; ts?: unknown } };
  if (typeof event?.channel === 'string' && typeof event.ts === 'string' && event.channel && event.ts) {
    return `${event.channel}:${event.ts}`;
  }
  return typeof id === 'string' && id ? id : undefined;
}

export function createRedeliveryFilter(options: RedeliveryFilterOptions = {}): Middleware<AnyMiddlewareArgs> {
  const maxEntries = options.maxEntries ?? REDELIVERY_DEFAULTS.maxEntries;
  const ttlMs = options.ttlMs ?? REDELIVERY_DEFAULTS.ttlMs;
  const now = options.now ?? Date.now;
  // Insertion order is arrival order, so the first entries are always the oldest.
  const seen = new Map<string, number>();

  function forgetOld(at: number): void {
    for (const [id, seenAt] of seen) {
      if (seen.size < maxEntries && at - seenAt <= ttlMs) break;
      seen.delete(id);
    }
  }

  return async ({ body, context, logger, next }) => {
    const eventId = eventKeyOf(body);
    if (!eventId) {
      await next();
      return;
    }
    const at = now();
    const seenAt = seen.get(eventId);
    if (seenAt !== undefined && at - seenAt <= ttlMs) {
      const edited = (body as { event?: { edited?: unknown } }).event?.edited !== undefined;
      logger.info(
        edited
          ? 'Ignored an edit of a message already answered'
          : `Ignored a redelivered event (retry ${context.retryNum ?? '?'}, ${context.retryReason ?? 'no reason'})`,
      );
      return;
    }
    seen.delete(eventId);
    forgetOld(at);
    seen.set(eventId, at);
    await next();
  };
}
