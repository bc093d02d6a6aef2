// How the app's Web API client behaves when Slack is slow or failing. The client's default retries a
// failed call for about 30 minutes, holding the listener (and its memory) all that time; a reply that
// late is no use to someone locked out, so calls give up within seconds and the listener falls back
// to another way of reaching the person (see listeners/deliver.ts).
import type { webApi } from '@slack/bolt';

/** 5xx and network errors: two retries, about 0.3 s and 0.6 s apart (randomised to avoid herds). */
export const SLACK_RETRY_POLICY: webApi.RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 2000,
  randomize: true,
};

/**
 * A 429 comes back to the caller as an error with Slack's Retry-After, instead of being waited out
 * inside the client: listeners/deliver.ts waits when that is short, or takes another route.
 */
export const REJECT_RATE_LIMITED_CALLS = true;

/** Longest a single Web API call may take before it is abandoned (and retried). */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
