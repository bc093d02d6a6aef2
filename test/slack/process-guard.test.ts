// An unhandled rejection or an exception outside a listener is logged through the redacting logger
// (so a pasted secret in its message never reaches the log) and the process goes on.
import { EventEmitter } from 'node:events';
import { installProcessGuard } from '../../src/slack/process-guard';
import { createRedactingLogger } from '../../src/slack/redacting-logger';
import { recordingLogger } from '../helpers/fakes';

describe('process guard', () => {
  it('logs an unhandled rejection and an uncaught exception, redacted, and removes itself', () => {
    const target = new EventEmitter();
    const lines = recordingLogger();
    const remove = installProcessGuard(createRedactingLogger(lines), target as unknown as NodeJS.Process);
    target.emit('unhandledRejection', new Error('reconnect failed for AKIAIOSFODNN7EXAMPLE'));
    target.emit('uncaughtException', 'a thrown string');
    expect(lines.lines).toEqual([
      expect.stringMatching(
        /^error Unhandled promise rejection \(the app goes on\): Error: reconnect failed for \[redacted/,
      ),
      'error Uncaught exception outside a listener (the app goes on): a thrown string',
    ]);
    expect(lines.lines.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE');
    remove();
    expect(target.listenerCount('unhandledRejection')).toBe(0);
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });
});
