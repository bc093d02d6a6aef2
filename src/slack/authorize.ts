// Who the bot is (its user id and bot id, from auth.test), for a single-workspace app. Bolt's own
// version asks once at start and keeps the answer, even a failure: one Slack outage at start-up would
// leave the app ignoring every request until restarted. This one keeps only a success and asks again
// after a failure, so the app recovers by itself when Slack does.
import type { Authorize, AuthorizeResult, Logger, webApi } from '@slack/bolt';

export interface BotAuthorize {
  authorize: Authorize<boolean>;
  /** Asks Slack now rather than on the first request; a failure is logged and retried later. */
  warmUp(): void;
}

export function createBotAuthorize(client: webApi.WebClient, botToken: string, logger: Logger): BotAuthorize {
  let identity: Promise<AuthorizeResult> | undefined;

  function lookUp(): Promise<AuthorizeResult> {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ botToken, botId: result.bot_id, botUserId: result.user_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return identity;
  }

  return {
    authorize: () => lookUp(),
    warmUp() {
      lookUp().catch((error: unknown) => {
        logger.warn(`Could not check the bot token with Slack yet (will retry on the next request): ${String(error)}`);
      });
    },
  };
}
