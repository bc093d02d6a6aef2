// A logger for a Slack client whose own warnings repeat on every attempt during an outage (the Web
// API client's "http request failed", the Socket Mode client's "Failed to retrieve a new WSS URL"):
// the app logs the state once instead, so the client's lines go to debug. Debug lines starting with
// one of `dropped` are not logged at all (lines that carry a whole payload).
import type { Logger } from '@slack/bolt';

export function createQuietLogger(logger: Logger, dropped: readonly string[] = []): Logger {
  const debug = (...messages: unknown[]) => {
    const first = messages[0];
    if (typeof first === 'string' && dropped.some((start) => first.startsWith(start))) return;
    logger.debug(...messages);
  };
  return { ...logger, debug, info: debug, warn: debug, error: debug };
}
