import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { SHARE_LABEL } from '../../src/cards/build-answer-card';
import { MENU_TEXT } from '../../src/cards/build-fallback-card';
import { HELP_TITLE } from '../../src/cards/build-help-card';
import { SECRET_WARNING_TITLE } from '../../src/cards/build-secret-warning-card';
import { createAwsSigninCommand } from '../../src/listeners/commands/aws-signin';
import { SORRY_TEXT } from '../../src/listeners/sorry';
import { realAnswerPath } from '../helpers/corpus';
import { recordingLogger, recordingRespond } from '../helpers/fakes';
import { listenerDeps } from '../helpers/listener-deps';
import { type TempStore, tempStore } from '../helpers/temp-store';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

let temp: TempStore;
beforeEach(async () => {
  temp = await tempStore();
});
afterEach(() => temp.cleanup());

async function run(text: string, answerer = realAnswerPath().answerer, userId = 'U0PERSON01') {
  const { sent, respond } = recordingRespond();
  const logger = recordingLogger();
  const order: string[] = [];
  const ack = async () => {
    order.push('ack');
  };
  const trackedRespond = async (message: Parameters<typeof respond>[0]) => {
    order.push('respond');
    await respond(message);
  };
  const args = {
    command: { text, command: '/aws-signin', user_id: userId, channel_id: 'C0CHANNEL1' },
    ack,
    respond: trackedRespond,
    logger,
  } as unknown as Args;
  await createAwsSigninCommand({ ...listenerDeps(temp.store), answerer })(args);
  return { sent, logger, order };
}

describe('/aws-signin', () => {
  it('acks before answering, privately, with a Share in channel button', async () => {
    const { sent, order } = await run('lost my 2fa phone');
    expect(order[0]).toBe('ack');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.response_type).toBe('ephemeral');
    expect(JSON.stringify(sent[0]?.blocks)).toContain(SHARE_LABEL);
  });

  it('shows the topic menu when there is no question', async () => {
    const { sent } = await run('   ');
    expect(sent[0]?.text).toBe(MENU_TEXT);
  });

  it('shows how to use it for help', async () => {
    const { sent } = await run('help');
    expect(String(sent[0]?.text)).toContain(HELP_TITLE);
  });

  it('warns privately about a pasted key and never repeats it', async () => {
    const { sent, logger } = await run(
      'my key AKIAIOSFODNN7EXAMPLE gets AccessDenied at sign in, root password forgotten',
    );
    expect(String(sent[0]?.text)).toContain(SECRET_WARNING_TITLE);
    expect(JSON.stringify(sent)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(logger.lines.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('apologises instead of staying silent when answering fails, and logs why', async () => {
    const broken = {
      ...realAnswerPath().answerer,
      answer: () => {
        throw new Error('index exploded');
      },
    };
    const { sent, logger } = await run('lost mfa', broken);
    expect(sent.at(-1)?.text).toBe(SORRY_TEXT);
    expect(logger.lines.some((line) => line.startsWith('error') && line.includes('index exploded'))).toBe(true);
  });
});
