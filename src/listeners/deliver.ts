// Gets a reply to the person through the first route that works, and logs a failure once. Slack
// refuses some routes in ordinary use: a response_url expires after 30 minutes (or 5 uses), the bot
// may not be in the channel (not_in_channel, channel_not_found), the API may be rate limiting or down.
// Each listener lists its routes in order of preference, ending with ones the person can still see
// (a private message in the channel, then a direct message from the app). A rate limit is waited out
// here (once, when short), not in the Web API client: the client would log it twice and hold every
// other call behind it.
import type { Logger, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Card } from '../cards/types';
import { outcomeUnknown, withoutRetries } from '../slack/post-once';

export interface Route {
  /** How the route reaches the person, as the log names it. */
  via: string;
  send(): Promise<unknown>;
  /** The same message as its fallback text alone, for when Slack refuses the card's blocks. */
  sendPlain?(): Promise<unknown>;
  /**
   * A new message posted without retries: when its call gets no answer (a timeout), Slack may have posted
   * it, and another route would be a second copy. Delivery ends there, reported as may-have-arrived.
   */
  postsOnce?: boolean;
}

/**
 * Slack refusing the card itself: every route would refuse it the same way, and the person would get
 * nothing. The card's fallback text (the topic, its summary, who can help) still reaches them.
 */
const CARD_REFUSED = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'msg_blocks_too_long']);
function cardRefused(error: unknown): boolean {
  const coded = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown } | null;
  if (coded?.code === 'slack_webapi_platform_error') return CARD_REFUSED.has(String(coded.data?.error));
  // A response_url answers a card it refuses with 400 (and nothing a route could do differently).
  return coded?.code === 'slack_bolt_respond_error' && coded.statusCode === 400;
}

/** Who gets a private reply, and where they asked. */
export interface Person {
  user: string;
  /** The conversation they asked in; unknown for some payloads. */
  channel?: string;
  threadTs?: string;
}

/** A short reason for a failed route, from the error's code: never a request body or a token. */
export function describeFailure(error: unknown): string {
  const coded = error as {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    retryAfter?: unknown;
    original?: { message?: unknown };
  };
  switch (coded?.code) {
    case 'slack_webapi_platform_error':
      return String(coded.data?.error ?? 'error');
    case 'slack_webapi_rate_limited_error':
      return `rate limited, retry after ${String(coded.retryAfter)} s`;
    case 'slack_webapi_http_error':
    case 'slack_bolt_respond_error':
      return `HTTP ${String(coded.statusCode)}`;
    case 'slack_webapi_request_error':
      return `no response: ${String(coded.original?.message ?? 'request failed')}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A rate-limited route is tried once more after Slack's Retry-After when that is at most this long;
 * a longer wait is worse for someone locked out than the next route.
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 10;

/** Seconds Slack asked us to wait, when the error is a rate limit (429) short enough to wait out once. */
export function shortRateLimitWait(error: unknown): number | undefined {
  const wait = retryAfterSeconds(error);
  return wait !== undefined && wait <= MAX_RATE_LIMIT_WAIT_SECONDS ? wait : undefined;
}

/** Seconds Slack asked us to wait, when the error is a rate limit (429). */
function retryAfterSeconds(error: unknown): number | undefined {
  const coded = error as { code?: unknown; retryAfter?: unknown };
  return coded?.code === 'slack_webapi_rate_limited_error' && typeof coded.retryAfter === 'number'
    ? coded.retryAfter
    : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack answered 5xx: it failed, and a second try usually works (the Web API client's retries did this). */
const serverError = (error: unknown): boolean => {
  const coded = error as { code?: unknown; statusCode?: unknown } | null;
  return coded?.code === 'slack_webapi_http_error' && typeof coded.statusCode === 'number' && coded.statusCode >= 500;
};
const SERVER_ERROR_RETRY_SECONDS = 0.5;

/** Tries each route in turn. Returns whether one worked; never throws, and logs one line at most. */
export async function deliver(logger: Logger, where: string, routes: readonly Route[]): Promise<boolean> {
  const failures: string[] = [];
  for (const route of routes) {
    for (let attempt = 1; ; attempt++) {
      try {
        await route.send();
        if (failures.length > 0) {
          const how = failures.at(-1)?.startsWith(route.via) ? `${route.via} after waiting` : `${route.via} instead`;
          logger.warn(`${where}: ${failures.join('; ')}; delivered via ${how}`);
        }
        return true;
      } catch (error) {
        failures.push(`${route.via} failed (${describeFailure(error)})`);
        if (route.postsOnce && outcomeUnknown(error)) {
          logger.warn(`${where}: ${failures.join('; ')}; it may have arrived, so no other route is tried`);
          return true;
        }
        if (cardRefused(error) && route.sendPlain) {
          try {
            await route.sendPlain();
            logger.error(`${where}: ${failures.join('; ')}; delivered its text alone via ${route.via}`);
            return true;
          } catch (plainError) {
            failures.push(`${route.via} failed with the text alone (${describeFailure(plainError)})`);
          }
        }
        // A route that posts once leaves retries to this loop: Slack's 5xx took nothing, so try it once more,
        // as quietly as the Web API client's own retries (only the second failure, if any, is reported).
        const retryServerError = route.postsOnce === true && serverError(error);
        const wait = retryServerError ? SERVER_ERROR_RETRY_SECONDS : retryAfterSeconds(error);
        if (attempt > 1 || wait === undefined || wait > MAX_RATE_LIMIT_WAIT_SECONDS) break;
        if (retryServerError) failures.pop();
        await sleep(wait * 1000);
      }
    }
  }
  logger.error(`${where}: could not deliver the reply: ${failures.join('; ') || 'no route'}`);
  return false;
}

type Client = webApi.WebClient;
const inThread = (threadTs: string | undefined) => (threadTs ? { thread_ts: threadTs } : {});

export const viaResponseUrl = (respond: RespondFn, message: RespondArguments): Route => ({
  via: 'response_url',
  send: () => respond(message),
  sendPlain: () => {
    const { blocks: _card, ...plain } = message as RespondArguments & { blocks?: unknown };
    return respond(plain as RespondArguments);
  },
});

/** A route that posts `card` one way: whole, or (when Slack refuses its blocks) its text alone. */
const cardRoute = (via: string, card: Card, post: (message: Card | { text: string }) => Promise<unknown>): Route => ({
  via,
  send: () => post(card),
  sendPlain: () => post({ text: card.text }),
});

/** A message everyone in the conversation sees (in the thread, when there is one). */
export const viaPost = (client: Client, channel: string, threadTs: string | undefined, card: Card): Route =>
  cardRoute('chat.postMessage', card, (message) =>
    client.chat.postMessage({ channel, ...inThread(threadTs), ...message }),
  );

/**
 * A route posted once: without the Web API client's retries, which posted a card again after each late
 * answer from Slack; a timeout ends delivery as "may have arrived" (slack/post-once.ts).
 */
export const postedOnce = (client: Client, logger: Logger, via: (client: Client) => Route): Route => ({
  ...via(withoutRetries(client, logger)),
  postsOnce: true,
});

export const viaEphemeral = (client: Client, person: Person & { channel: string }, card: Card): Route =>
  cardRoute('chat.postEphemeral', card, (message) =>
    client.chat.postEphemeral({ channel: person.channel, user: person.user, ...inThread(person.threadTs), ...message }),
  );

/** A message in the app's direct message with the person: works wherever the bot is not invited. */
export const viaDirectMessage = (client: Client, user: string, card: Card): Route =>
  cardRoute('direct message', card, (message) => client.chat.postMessage({ channel: user, ...message }));

/**
 * Routes only the person sees: the response_url when there is one, a private message in the
 * conversation, then a direct message.
 */
export function privateRoutes(
  target: { client: Client; person: Person; respond?: RespondFn },
  card: Card,
  respondArgs: RespondArguments = {},
): Route[] {
  const { client, person, respond } = target;
  const routes: Route[] = [];
  if (respond) routes.push(viaResponseUrl(respond, { response_type: 'ephemeral', ...respondArgs, ...card }));
  if (person.channel) routes.push(viaEphemeral(client, { ...person, channel: person.channel }, card));
  routes.push(viaDirectMessage(client, person.user, card));
  return routes;
}
