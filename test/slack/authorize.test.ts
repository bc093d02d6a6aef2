// The bot's identity: kept when Slack answers, asked again after an outage, and a refused token
// (revoked, wrong, deactivated) reported naming SLACK_BOT_TOKEN at most once a minute, however many
// requests arrive; a token revoked while the app runs is noticed by the background re-check.
import { createBotAuthorize } from '../../src/slack/authorize';
import { SlackTokenError } from '../../src/slack/slack-errors';
import { recordingLogger } from '../helpers/fakes';

type AuthTest = () => Promise<{ user_id: string; bot_id: string }>;

function harness(answers: AuthTest) {
  let now = 1_000_000;
  const calls: number[] = [];
  const client = {
    auth: {
      test: () => {
        calls.push(now);
        return answers();
      },
    },
  };
  const logger = recordingLogger();
  const bot = createBotAuthorize(client as never, 'xoxb-test', logger, { now: () => now });
  const authorize = () => bot.authorize({} as never);
  return {
    bot,
    authorize,
    logger,
    calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const refusal = (code: string) => Object.assign(new Error(`An API error occurred: ${code}`), { data: { error: code } });
const identity = { user_id: 'UBOTUSER1', bot_id: 'BBOTID001' };
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('bot authorize', () => {
  it('a refused token fails every request, asks Slack once a minute and logs once a minute', async () => {
    const { authorize, logger, calls, advance } = harness(() => Promise.reject(refusal('token_revoked')));
    for (let i = 0; i < 50; i++) await expect(authorize()).rejects.toBeInstanceOf(SlackTokenError);
    expect(calls).toHaveLength(1);
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([
      expect.stringContaining('SLACK_BOT_TOKEN was refused by Slack (token_revoked)'),
    ]);
    advance(30_000);
    await expect(authorize()).rejects.toBeInstanceOf(SlackTokenError);
    expect(logger.lines).toHaveLength(1);
    advance(31_000);
    await expect(authorize()).rejects.toBeInstanceOf(SlackTokenError);
    expect(calls).toHaveLength(2);
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('check() at start reports the refusal to its caller and logs nothing itself', async () => {
    const { bot, logger } = harness(() => Promise.reject(refusal('invalid_auth')));
    const error = await bot.check().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SlackTokenError);
    expect((error as SlackTokenError).message).toMatch(/^SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
    expect(logger.lines).toEqual([]);
  });

  it('keeps its identity through an outage, and notices a token revoked while running', async () => {
    let answer: AuthTest = () => Promise.resolve(identity);
    const { authorize, advance, logger } = harness(() => answer());
    await expect(authorize()).resolves.toMatchObject({ botUserId: 'UBOTUSER1' });
    answer = () => Promise.reject(new Error('fetch failed'));
    advance(11 * 60_000);
    await expect(authorize()).resolves.toMatchObject({ botUserId: 'UBOTUSER1' });
    await settle();
    await expect(authorize()).resolves.toMatchObject({ botUserId: 'UBOTUSER1' });
    answer = () => Promise.reject(refusal('token_revoked'));
    advance(11 * 60_000);
    await authorize();
    await settle();
    await expect(authorize()).rejects.toBeInstanceOf(SlackTokenError);
    expect(logger.lines).toEqual([expect.stringContaining('SLACK_BOT_TOKEN was refused by Slack (token_revoked)')]);
  });
});
