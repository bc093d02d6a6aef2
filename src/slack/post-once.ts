// A message posted once. The Web API client retries a call that timed out or lost its connection, which
// is right for reads and updates but not for a new post: Slack may have taken the post and answered too
// late, and each retry posts it again. Where a second copy does harm (the escalation post, whose buttons
// only one copy's record carries; an answer in a thread, which three copies and a private fourth made a
// mess of), post through a client that does not retry, and treat a call whose answer never came as "may
// have arrived", not as a refusal.
import { type Logger, webApi } from '@slack/bolt';
import { REJECT_RATE_LIMITED_CALLS, SLACK_CALL_TIMEOUT_MS } from './client-options';

// One client without retries per client with them: answers go through it too, one per message would be waste.
const made = new WeakMap<webApi.WebClient, webApi.WebClient>();

/** The same workspace and token as `client`, without retries (a stand-in that is no WebClient, as given). */
export function withoutRetries(client: webApi.WebClient, logger: Logger): webApi.WebClient {
  if (!(client instanceof webApi.WebClient)) return client;
  const known = made.get(client);
  if (known && known.token === client.token) return known;
  const once = new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: REJECT_RATE_LIMITED_CALLS,
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger,
  });
  made.set(client, once);
  return once;
}

/** The call never got an answer (a timeout, a cut connection): Slack may or may not have done it. */
export function outcomeUnknown(error: unknown): boolean {
  return (error as { code?: unknown } | null | undefined)?.code === webApi.ErrorCode.RequestError;
}
