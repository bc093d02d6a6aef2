import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { followUpNote } from '../../src/answer/create-answerer';
import { FOR_KIND_LINE } from '../../src/cards/build-answer-card';
import { SECRET_WARNING_TITLE } from '../../src/cards/build-secret-warning-card';
import { createAppMentionListener } from '../../src/listeners/events/app-mention';
import { createDirectMessageListener } from '../../src/listeners/events/direct-message';
import { SORRY_TEXT } from '../../src/listeners/sorry';
import type { Store } from '../../src/store/types';
import { realAnswerPath } from '../helpers/corpus';
import { recordingClient, recordingLogger } from '../helpers/fakes';

const deps = () => {
  const { answerer, corpus } = realAnswerPath();
  return { answerer, corpus, store: {} as Store, adminUserIds: new Set<string>() };
};

async function mention(event: Record<string, unknown>, clientOptions = {}) {
  const { calls, client } = recordingClient(clientOptions);
  const logger = recordingLogger();
  const args = { event, client, logger } as unknown as SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
  await createAppMentionListener(deps())(args);
  return { calls, logger };
}

async function dm(event: Record<string, unknown>) {
  const { calls, client } = recordingClient();
  const args = { event, client, logger: recordingLogger() } as unknown as SlackEventMiddlewareArgs<'message'> &
    AllMiddlewareArgs;
  await createDirectMessageListener(deps())(args);
  return calls;
}

const base = { type: 'app_mention', user: 'U1', channel: 'C1', ts: '10.1', text: '<@UBOT> forgot root password' };

describe('app_mention', () => {
  it('answers in the thread of the mention', async () => {
    const { calls } = await mention(base);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C1', thread_ts: '10.1' } });
  });

  it('stays in an existing thread', async () => {
    const { calls } = await mention({ ...base, thread_ts: '9.0' });
    expect(calls[0]?.args.thread_ts).toBe('9.0');
  });

  it('ignores bots and edits', async () => {
    expect((await mention({ ...base, bot_id: 'B1' })).calls).toHaveLength(0);
    expect((await mention({ ...base, subtype: 'message_changed' })).calls).toHaveLength(0);
  });

  it('warns about a pasted password privately and answers in public without it', async () => {
    const { calls } = await mention({ ...base, text: '<@UBOT> my password is Hunter2! and root login fails' });
    expect(calls[0]).toMatchObject({ method: 'chat.postEphemeral', args: { user: 'U1', thread_ts: '10.1' } });
    expect(String(calls[0]?.args.text)).toContain(SECRET_WARNING_TITLE);
    expect(calls[1]?.method).toBe('chat.postMessage');
    expect(JSON.stringify(calls)).not.toContain('Hunter2');
  });

  it('answers privately when it cannot post in the channel, and logs that once', async () => {
    const { calls, logger } = await mention(base, { failOn: { 'chat.postMessage': new Error('not_in_channel') } });
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage', 'chat.postEphemeral']);
    expect(calls[1]?.args).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '10.1' });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warn .*not_in_channel.*delivered via chat\.postEphemeral/);
  });

  it('tries every route, then logs one error, when Slack refuses them all', async () => {
    const { calls, logger } = await mention(base, { failWith: new Error('channel_not_found') });
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage', 'chat.postEphemeral', 'chat.postMessage']);
    expect(calls[2]?.args.channel).toBe('U1');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^error .*channel_not_found/);
  });

  it('apologises privately when answering breaks', async () => {
    const { calls, client } = recordingClient();
    const logger = recordingLogger();
    const broken = {
      ...realAnswerPath().answerer,
      answer: () => {
        throw new Error('index exploded');
      },
    };
    const args = { event: base, client, logger } as unknown as SlackEventMiddlewareArgs<'app_mention'> &
      AllMiddlewareArgs;
    await createAppMentionListener({ ...deps(), answerer: broken })(args);
    expect(calls).toEqual([
      expect.objectContaining({ method: 'chat.postEphemeral', args: expect.objectContaining({ text: SORRY_TEXT }) }),
    ]);
    expect(logger.lines.join('\n')).toContain('index exploded');
  });
});

describe('direct messages', () => {
  const message = { type: 'message', channel_type: 'im', user: 'U1', channel: 'D1', ts: '11.1', text: 'mfa lost' };

  it('answers in the DM', async () => {
    const calls = await dm(message);
    expect(calls).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', args: expect.objectContaining({ channel: 'D1' }) }),
    ]);
    expect(calls[0]?.args.thread_ts).toBeUndefined();
  });

  it('ignores its own and other bots’ messages, edits, and other subtypes', async () => {
    for (const ignored of [
      { ...message, bot_id: 'B1' },
      { ...message, subtype: 'bot_message' },
      { ...message, subtype: 'message_changed' },
      { ...message, subtype: 'message_deleted' },
      { ...message, channel_type: 'channel' },
    ]) {
      expect(await dm(ignored)).toHaveLength(0);
    }
  });
});

describe('who is asking, said after an answer', () => {
  const cardText = (calls: Array<{ args: Record<string, unknown> }>) => JSON.stringify(calls[0]?.args.blocks);

  it("in a DM, reopens the card just given on that kind's steps", async () => {
    const first = { type: 'message', channel_type: 'im', user: 'U7', channel: 'D7', ts: '30.1' };
    await dm({ ...first, text: 'I lost my MFA phone' });
    const calls = await dm({ ...first, ts: '30.2', text: "I'm the root user" });
    expect(cardText(calls)).toContain(FOR_KIND_LINE.root);
    expect(cardText(calls)).toContain(followUpNote('root', true));
  });

  it('in a thread, only when mentioned in the same thread', async () => {
    const first = { type: 'app_mention', user: 'U8', channel: 'C8', ts: '40.1', text: '<@UBOT> I lost my MFA phone' };
    await mention(first);
    const sameThread = await mention({ ...first, ts: '40.5', thread_ts: '40.1', text: '<@UBOT> root user here' });
    expect(cardText(sameThread.calls)).toContain(FOR_KIND_LINE.root);
    const newThread = await mention({ ...first, ts: '41.0', text: '<@UBOT> root user here' });
    expect(cardText(newThread.calls)).not.toContain(FOR_KIND_LINE.root);
  });
});
