import { deliver, MAX_RATE_LIMIT_WAIT_SECONDS, type Route } from '../../src/listeners/deliver';
import { recordingLogger } from '../helpers/fakes';

const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('ratelimited'), { code: 'slack_webapi_rate_limited_error', retryAfter });
const platform = (error: string) =>
  Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { error } });

function route(via: string, outcomes: Array<Error | 'ok'>, tried: string[]): Route {
  return {
    via,
    send: async () => {
      tried.push(via);
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome !== 'ok') throw outcome;
    },
  };
}

describe('deliver', () => {
  it('uses the first route that works and logs nothing when it is the first', async () => {
    const logger = recordingLogger();
    const tried: string[] = [];
    expect(await deliver(logger, 'test', [route('a', ['ok'], tried), route('b', ['ok'], tried)])).toBe(true);
    expect(tried).toEqual(['a']);
    expect(logger.lines).toEqual([]);
  });

  it('falls back, logging the reasons once', async () => {
    const logger = recordingLogger();
    const tried: string[] = [];
    const ok = await deliver(logger, 'test', [
      route('a', [platform('not_in_channel')], tried),
      route('b', ['ok'], tried),
    ]);
    expect(ok).toBe(true);
    expect(logger.lines).toEqual(['warn test: a failed (not_in_channel); delivered via b instead']);
  });

  it('does not wait out a rate limit longer than the cap', async () => {
    const logger = recordingLogger();
    const tried: string[] = [];
    await deliver(logger, 'test', [
      route('a', [rateLimited(MAX_RATE_LIMIT_WAIT_SECONDS + 1)], tried),
      route('b', ['ok'], tried),
    ]);
    expect(tried).toEqual(['a', 'b']);
  });

  it("sends the card's text alone when Slack refuses the card itself, rather than nothing on every route", async () => {
    const logger = recordingLogger();
    const tried: string[] = [];
    const refused: Route = {
      via: 'a',
      send: async () => {
        tried.push('a with blocks');
        throw platform('invalid_blocks');
      },
      sendPlain: async () => {
        tried.push('a with text alone');
      },
    };
    expect(await deliver(logger, 'test', [refused, route('b', ['ok'], tried)])).toBe(true);
    expect(tried).toEqual(['a with blocks', 'a with text alone']);
    expect(logger.lines).toEqual(['error test: a failed (invalid_blocks); delivered its text alone via a']);
  });

  it('returns false and logs one error when nothing works, never throwing', async () => {
    const logger = recordingLogger();
    const tried: string[] = [];
    const ok = await deliver(logger, 'test', [route('a', [new Error('x')], tried), route('b', [platform('y')], tried)]);
    expect(ok).toBe(false);
    expect(logger.lines).toEqual(['error test: could not deliver the reply: a failed (x); b failed (y)']);
  });
});
