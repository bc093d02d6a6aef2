// The app's console log: one line per message, starting with an ISO timestamp and the level.
import { LogLevel } from '@slack/bolt';
import { createConsoleLogger } from '../../src/slack/console-logger';

describe('console logger', () => {
  it('prefixes each line with the time and level, sends warnings to stderr, and honours the level', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createConsoleLogger({
      now: () => new Date('2026-11-26T15:17:00.123Z'),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    logger.debug('not shown at info');
    logger.info('Connected to Slack again', 'after 3 s');
    logger.warn('Lost the connection to Slack');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('not shown at error');
    expect(out).toEqual(['2026-11-26T15:17:00.123Z INFO  aws-signin Connected to Slack again after 3 s\n']);
    expect(err).toEqual(['2026-11-26T15:17:00.123Z WARN  aws-signin Lost the connection to Slack\n']);
  });
});
