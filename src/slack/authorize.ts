// Who the bot is (its user id and bot id, from auth.test), for a single-workspace app. Bolt's own
// version asks once at start and keeps the answer, even a failure: one Slack outage at start-up would
// leave the app ignoring every request until restarted. This one keeps only a success and asks again
// after a failure, so the app recovers by itself when Slack does.
//
// A token Slack refuses (revoked, wrong, account deactivated) is not an outage: the refusal is kept
// for a minute (no auth.test per request) and logged at most once a minute, naming SLACK_BOT_TOKEN.
// A success is checked again now and then in the background, so a token revoked while the app runs
// is noticed; a failed re-check for any other reason (Slack down) keeps the identity it had.
import type { Authorize, AuthorizeResult, Logger, webApi } from '@slack/bolt';
import { describeSlackFailure, isTokenRefusal, SlackTokenError, slackErrorCode } from './slack-errors';

export interface BotAuthorize {
  authorize: Authorize<boolean>;
  /** Asks Slack now rather than on the first request; a failure is logged and retried later. */
  warmUp(): void;
  /** Asks Slack now: the identity, or the error (a SlackTokenError when the token was refused). */
  check(): Promise<AuthorizeResult>;
}

export interface BotAuthorizeOptions {
  now?: () => number;
  /** How long a refused token is taken as refused, and the least time between two log lines about it. */
  refusalMs?: number;
  /** How old a known identity may get before it is checked again (in the background). */
  recheckMs?: number;
}

export const BOT_TOKEN_REFUSAL_MS = 60_000;
export const BOT_TOKEN_RECHECK_MS = 10 * 60_000;

export function createBotAuthorize(
  client: webApi.WebClient,
  botToken: string,
  logger: Logger,
  options: BotAuthorizeOptions = {},
): BotAuthorize {
  const now = options.now ?? Date.now;
  const refusalMs = options.refusalMs ?? BOT_TOKEN_REFUSAL_MS;
  const recheckMs = options.recheckMs ?? BOT_TOKEN_RECHECK_MS;
  let identity: Promise<AuthorizeResult> | undefined;
  let knownAt = 0;
  let refused: { error: SlackTokenError; until: number } | undefined;
  let lastRefusalLog = Number.NEGATIVE_INFINITY;
  let rechecking = false;

  function noteRefusal(error: unknown): SlackTokenError {
    const refusal = new SlackTokenError('SLACK_BOT_TOKEN', slackErrorCode(error) ?? 'invalid_auth');
    refused = { error: refusal, until: now() + refusalMs };
    return refusal;
  }

  /** For requests: at start, the refusal is the caller's to report (main exits with it). */
  function logRefusal(refusal: SlackTokenError): void {
    const at = now();
    if (at - lastRefusalLog < refusalMs) return;
    lastRefusalLog = at;
    logger.error(`${refusal.message} Requests are acknowledged but not answered until it is fixed.`);
  }

  function ask(): Promise<AuthorizeResult> {
    return client.auth.test({ token: botToken }).then(
      (result) => {
        refused = undefined;
        knownAt = now();
        return { botToken, botId: result.bot_id, botUserId: result.user_id };
      },
      (error: unknown) => {
        throw isTokenRefusal(error) ? noteRefusal(error) : error;
      },
    );
  }

  function lookUp(): Promise<AuthorizeResult> {
    if (refused && now() < refused.until) return Promise.reject(refused.error);
    identity ??= ask().catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return identity;
  }

  function recheckIfOld(): void {
    if (rechecking || !identity || knownAt === 0 || now() - knownAt < recheckMs) return;
    rechecking = true;
    ask()
      .then(
        (fresh) => {
          identity = Promise.resolve(fresh);
        },
        (error: unknown) => {
          if (error instanceof SlackTokenError) identity = undefined;
          else knownAt = now();
        },
      )
      .finally(() => {
        rechecking = false;
      });
  }

  return {
    authorize: () => {
      const result = lookUp().catch((error: unknown) => {
        if (error instanceof SlackTokenError) logRefusal(error);
        throw error;
      });
      recheckIfOld();
      return result;
    },
    warmUp() {
      lookUp().catch((error: unknown) => {
        if (error instanceof SlackTokenError) return;
        logger.warn(
          `Could not check the bot token with Slack yet (will retry on the next request): ${describeSlackFailure(error)}`,
        );
      });
    },
    check: () => lookUp(),
  };
}

/** Asks Slack who the bot is until it answers; a refused token ends the wait with its error. */
export async function waitForBotIdentity(
  check: () => Promise<AuthorizeResult>,
  logger: Logger,
  pause: (failures: number) => Promise<void>,
): Promise<void> {
  let announced = false;
  for (let failures = 1; ; failures++) {
    try {
      await check();
      return;
    } catch (error) {
      if (error instanceof SlackTokenError) throw error;
      if (!announced) {
        announced = true;
        logger.warn(
          `Slack is not reachable yet (${describeSlackFailure(error)}); the app keeps trying and starts when it is`,
        );
      }
      await pause(failures);
    }
  }
}
