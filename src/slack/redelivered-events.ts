// Slack redelivers an event (with X-Slack-Retry-Num) when it thinks the first delivery failed, and may
// do so after the first one was already answered, possibly to another replica; and when a person edits a
// message that mentions the app, Slack sends `app_mention` again (same channel and `ts`, an `edited` field,
// a new event_id). This middleware, on the listeners that answer, lets a message through once: the store
// (shared by every replica) decides which delivery is the first. When the store cannot be asked in time
// (the database is down), the process decides with what it remembers itself, so a question is still
// answered and a retry to the same replica is still dropped.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { EventLog } from '../store/types';

export interface RedeliveryFilterOptions {
  /** The shared record of answered events; without it, this process's memory only. */
  events?: EventLog;
  /** How many event keys this process remembers; the oldest are forgotten first. */
  maxEntries?: number;
  /**
   * How long a key is remembered. Slack retries within minutes (immediately, after 1 and 5 minutes), but a
   * person may edit a message that mentions the app hours later: a day, as long as the store keeps keys.
   */
  ttlMs?: number;
  /**
   * Longest an answer waits on the store before deciding alone. A database that refuses connections
   * fails at once; this bounds a slow or unreachable one. Waiting delays one answer, deciding alone may
   * answer twice, so it is generous.
   */
  storeTimeoutMs?: number;
  now?: () => number;
  /** Told once when the store could not be asked, and once when it answers again. */
  onStoreTrouble?: (error: unknown | undefined) => void;
  /** The key an event is known by (default: `eventKeyOf`); an opaque string. */
  keyOf?: (body: AnyMiddlewareArgs['body']) => string | undefined;
}

export const REDELIVERY_DEFAULTS = { maxEntries: 10_000, ttlMs: 24 * 60 * 60 * 1000, storeTimeoutMs: 10_000 } as const;

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createRedeliveryFilter(options: RedeliveryFilterOptions = {}): Middleware<AnyMiddlewareArgs> {
  const maxEntries = options.maxEntries ?? REDELIVERY_DEFAULTS.maxEntries;
  const ttlMs = options.ttlMs ?? REDELIVERY_DEFAULTS.ttlMs;
  const storeTimeoutMs = options.storeTimeoutMs ?? REDELIVERY_DEFAULTS.storeTimeoutMs;
  const now = options.now ?? Date.now;
  const keyOf = options.keyOf ?? eventKeyOf;
  // Insertion order is arrival order, so the first entries are always the oldest.
  const seen = new Map<string, number>();
  let storeFailing = false;

  function forgetOld(at: number): void {
    for (const [id, seenAt] of seen) {
      if (seen.size < maxEntries && at - seenAt <= ttlMs) break;
      seen.delete(id);
    }
  }

  /** First time this process sees the key (and remember it). */
  function firstHere(key: string, at: number): boolean {
    const seenAt = seen.get(key);
    if (seenAt !== undefined && at - seenAt <= ttlMs) return false;
    seen.delete(key);
    forgetOld(at);
    seen.set(key, at);
    return true;
  }

  async function firstAnywhere(key: string): Promise<boolean> {
    if (!options.events) return true;
    try {
      const first = await withTimeout(options.events.firstDelivery(key, ttlMs), storeTimeoutMs);
      if (storeFailing) {
        storeFailing = false;
        options.onStoreTrouble?.(undefined);
      }
      return first;
    } catch (error) {
      if (!storeFailing) {
        storeFailing = true;
        options.onStoreTrouble?.(error);
      }
      // Answering twice is better than not answering at all.
      return true;
    }
  }

  return async ({ body, context, logger, next }) => {
    const key = keyOf(body);
    if (!key) {
      await next();
      return;
    }
    const first = firstHere(key, now()) && (await firstAnywhere(key));
    if (!first) {
      const edited = (body as { event?: { edited?: unknown } }).event?.edited !== undefined;
      logger.info(
        edited
          ? 'Ignored an edit of a message already answered'
          : `Ignored a redelivered event (retry ${context.retryNum ?? '?'}, ${context.retryReason ?? 'no reason'})`,
      );
      return;
    }
    await next();
  };
}
