import { LogLevel } from '@slack/bolt';
import { createRedactingLogger } from '../../src/slack/redacting-logger';
import { recordingLogger } from '../helpers/fakes';

describe('the redacting logger', () => {
  it('redacts secrets in every argument and level, errors and objects included', () => {
    const inner = recordingLogger();
    const logger = createRedactingLogger(inner);
    logger.debug('key', 'AKIAIOSFODNN7EXAMPLE');
    logger.info({ question: 'my password is Hunter2!' });
    logger.warn(new Error('failed for wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    logger.error('pw: letmein', 42);
    const all = inner.lines.join('\n');
    expect(inner.lines).toHaveLength(4);
    expect(all).not.toMatch(/AKIAIOSFODNN7EXAMPLE|Hunter2|wJalrXUtn|letmein/);
    expect(inner.lines[0]).toBe('debug key [redacted]');
    expect(inner.lines[2]).toMatch(/^warn Error: failed for \[redacted\]\n\s+at /);
  });
});

describe('the Socket Mode connection URL', () => {
  it('keeps its ticket out of the log (the Socket Mode client logs the URL at debug level)', () => {
    const inner = recordingLogger();
    const logger = createRedactingLogger(inner);
    logger.debug('Connecting to wss://wss-primary.slack.com/link/?ticket=7d1c2f3e-aaaa-bbbb&app_id=A0123');
    expect(inner.lines[0]).toBe('debug Connecting to wss://wss-primary.slack.com/link/?ticket=[redacted]&app_id=A0123');
  });
});

describe('levels', () => {
  it('drops messages below the level before redacting them', () => {
    const inner = recordingLogger();
    const seen: string[] = [];
    const logger = createRedactingLogger({ ...inner, getLevel: () => LogLevel.WARN });
    const costly = {
      toString: () => {
        seen.push('formatted');
        return 'x';
      },
    };
    logger.debug(costly);
    logger.info(costly);
    logger.warn('kept');
    expect(seen).toEqual([]);
    expect(inner.lines).toEqual(['warn kept']);
  });
});
