// Wraps Bolt's logger so nothing it writes can carry a secret a person pasted: every message, from our
// listeners, from Bolt itself and from the Web API client, goes through the same redaction as questions.
import { inspect } from 'node:util';
import type { Logger, LogLevel } from '@slack/bolt';
import { redactSecrets } from '../text/secrets';

function toText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.stack ?? `${message.name}: ${message.message}`;
  return inspect(message, { depth: 3, breakLength: Number.POSITIVE_INFINITY });
}

/**
 * The Socket Mode connection URL Slack hands out (wss://…?ticket=…&app_id=…): the ticket lets whoever holds
 * it connect as the app until it is used. The Socket Mode client logs the URL at debug level.
 */
const CONNECTION_TICKET = /([?&]ticket=)[^&\s"']+/g;

const redact = (messages: unknown[]): string =>
  redactSecrets(messages.map(toText).join(' ')).text.replace(CONNECTION_TICKET, '$1[redacted]');

const SEVERITY: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createRedactingLogger(inner: Logger): Logger {
  // Redacting is not free (the Web API client logs every request body at debug level), so a message
  // below the logger's level is dropped before it is redacted, not after.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]): void => {
      if ((SEVERITY[level] ?? 0) < (SEVERITY[inner.getLevel()] ?? 0)) return;
      inner[level](redact(messages));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (level: LogLevel) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name: string) => inner.setName(name),
  };
}
