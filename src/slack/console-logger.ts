// The app's console log: one line per message, each starting with an ISO timestamp and the level, so
// an operator can line the app's log up with a Slack incident or a deploy. Debug and info go to
// stdout, warn and error to stderr (as Bolt's own ConsoleLogger does).
import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export interface ConsoleLoggerOptions {
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const out = options.out ?? ((line: string) => process.stdout.write(line));
  const err = options.err ?? ((line: string) => process.stderr.write(line));
  let level: LogLevel = LogLevel.INFO;
  let name = 'aws-signin';
  const at =
    (messageLevel: LogLevel, write: (line: string) => void) =>
    (...messages: unknown[]): void => {
      if (ORDER[messageLevel] < ORDER[level]) return;
      const text = messages.map((message) => (typeof message === 'string' ? message : String(message))).join(' ');
      write(`${now().toISOString()} ${messageLevel.toUpperCase().padEnd(5)} ${name} ${text}\n`);
    };
  return {
    debug: at(LogLevel.DEBUG, out),
    info: at(LogLevel.INFO, out),
    warn: at(LogLevel.WARN, err),
    error: at(LogLevel.ERROR, err),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
