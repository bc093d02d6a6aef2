// A message posted once. The Web API client retries a call that timed out or lost its connection, which
// is right for reads and updates but not for a new post: Slack may have taken the post and answered too
// late, and each retry posts it again. Where a second copy does harm (the escalation post, whose buttons
// only one copy's record carries), post through a client that does not retry, and treat a call whose
// answer never came as "may have arrived", not as a refusal.
import { type Logger, webApi } from '@slack/bolt';
import { REJECT_RATE_LIMITED_CALLS, SLACK_CALL_TIMEOUT_MS } from './client-options';

/** The same workspace and token as `client`, without retries (a stand-in that is no WebClient, as given). */
export function withoutRetries(client: webApi.WebClient, logger: Logger): webApi.WebClient {
  if (!(client instanceof webApi.WebClient)) return client;
  return new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: REJECT_RATE_LIMITED_CALLS,
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger,
  });
}

/** The call never got an answer (a timeout, a cut connection): Slack may or may not have done it. */
export function outcomeUnknown(error: unknown): boolean {
  return (error as { code?: unknown } | null | undefined)?.code === webApi.ErrorCode.RequestError;
}
