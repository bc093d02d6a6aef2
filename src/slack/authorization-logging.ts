// How failed authorisations are logged: once, by the one who knows why. Bolt logs a warning for every
// request whose authorisation fails and hands the error to app.error as well; the authorize function
// already logs a refused token (at most once a minute), and app.error logs the rest.
import { ErrorCode, type Logger } from '@slack/bolt';
import { SlackTokenError } from './slack-errors';

const BOLT_AUTHORIZATION_WARNING = 'Authorization of incoming event did not succeed';

export function withoutPerRequestAuthWarning(logger: Logger): Logger {
  return {
    ...logger,
    warn: (...messages: unknown[]) => {
      const first = messages[0];
      if (typeof first === 'string' && first.startsWith(BOLT_AUTHORIZATION_WARNING)) return;
      logger.warn(...messages);
    },
  };
}

/** A refused bot token, already logged once a minute by the authorize function. */
export function isRefusedTokenError(error: unknown): boolean {
  const coded = error as { code?: unknown; original?: unknown } | null | undefined;
  return coded?.code === ErrorCode.AuthorizationError && coded.original instanceof SlackTokenError;
}
