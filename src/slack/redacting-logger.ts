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

const redact = (messages: unknown[]): string => redactSecrets(messages.map(toText).join(' ')).text;

export function createRedactingLogger(inner: Logger): Logger {
  return {
    debug: (...messages: unknown[]) => inner.debug(redact(messages)),
    info: (...messages: unknown[]) => inner.info(redact(messages)),
    warn: (...messages: unknown[]) => inner.warn(redact(messages)),
    error: (...messages: unknown[]) => inner.error(redact(messages)),
    setLevel: (level: LogLevel) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name: string) => inner.setName(name),
  };
}
