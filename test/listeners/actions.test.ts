import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { FOR_KIND_LINE } from '../../src/cards/build-answer-card';
import { STILL_STUCK_INTRO } from '../../src/cards/build-still-stuck-card';
import { ACTION, BLOCK, positional } from '../../src/cards/ids';
import type { Card } from '../../src/cards/types';
import { keepSharedBy } from '../../src/listeners/actions/reply-to-action';
import {
  createOpenTopicAction,
  createShareAction,
  createStillStuckAction,
  sharedByLine,
  TOPIC_GONE_TEXT,
} from '../../src/listeners/actions/topic-actions';
import { realAnswerPath } from '../helpers/corpus';
import { recordingClient, recordingLogger, recordingRespond } from '../helpers/fakes';
import { blockActionPayload } from '../helpers/slack-requests';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Factory = typeof createOpenTopicAction;

async function click(factory: Factory, fields: Parameters<typeof blockActionPayload>[0]) {
  const body = blockActionPayload(fields) as unknown as BlockAction;
  const { sent, respond } = recordingRespond();
  const { calls, client } = recordingClient();
  let acked = false;
  const args = {
    ack: async () => {
      acked = true;
    },
    body,
    action: body.actions[0],
    respond,
    client,
    logger: recordingLogger(),
  } as unknown as Args;
  await factory({ answerer: realAnswerPath().answerer })(args);
  return { sent, calls, acked };
}

const header = (message: { blocks?: unknown[] } | undefined) =>
  (message?.blocks as Array<{ type: string; text?: { text: string } }> | undefined)?.find((b) => b.type === 'header')
    ?.text?.text;

describe('topic buttons', () => {
  it('a clarify choice replaces the clarify card with the answer', async () => {
    const { sent, acked } = await click(createOpenTopicAction, {
      actionId: positional(ACTION.openTopic, 0),
      blockId: BLOCK.choices,
      value: 'root-password-reset',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(acked).toBe(true);
    expect(sent[0]?.replace_original).toBe(true);
    expect(header(sent[0])).toBe(realAnswerPath().corpus.byId.get('root-password-reset')?.title);
  });

  it('a pick from the topic menu replaces the menu', async () => {
    const { sent } = await click(createOpenTopicAction, {
      actionId: ACTION.topicSelect,
      blockId: BLOCK.topicMenu,
      selectedValue: 'close-account',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(sent[0]?.replace_original).toBe(true);
    expect(header(sent[0])).toMatch(/close/i);
  });

  it('a related topic on a private card follows it privately, still shareable', async () => {
    const { sent, calls } = await click(createOpenTopicAction, {
      actionId: positional(ACTION.openTopic, 0),
      blockId: BLOCK.followUps,
      value: 'contact-aws-support',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(calls).toHaveLength(0);
    expect(sent[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(sent[0]?.blocks)).toContain(ACTION.shareInChannel);
  });

  it('a related topic on a card in a channel follows it in the thread', async () => {
    const { sent, calls } = await click(createOpenTopicAction, {
      actionId: positional(ACTION.openTopic, 0),
      blockId: BLOCK.followUps,
      value: 'contact-aws-support',
      responseUrl: 'x',
      channelId: 'C1',
      messageTs: '5.5',
      threadTs: '5.0',
    });
    expect(sent).toHaveLength(0);
    expect(calls[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C1', thread_ts: '5.0' } });
    expect(JSON.stringify(calls[0]?.args.blocks)).not.toContain(ACTION.shareInChannel);
  });

  it('a topic picked in a thread is what "root user" said next in that thread is about', async () => {
    await click(createOpenTopicAction, {
      actionId: positional(ACTION.openTopic, 0),
      blockId: BLOCK.choices,
      value: 'mfa-device-lost',
      responseUrl: 'x',
      channelId: 'C1',
      messageTs: '6.5',
      threadTs: '6.0',
      userId: 'U0PICKER01',
    });
    const next = realAnswerPath().answerer.answer('root user', {
      asker: { userId: 'U0PICKER01', surface: 'mention', channelId: 'C1', threadTs: '6.0' },
    });
    expect(next.outcome?.topic?.id).toBe('mfa-device-lost');
    expect(JSON.stringify(next.card.blocks)).toContain(FOR_KIND_LINE.root);
  });

  it('a kind-of-user button replaces the card with that kind’s steps', async () => {
    const { sent } = await click(createOpenTopicAction, {
      actionId: positional(ACTION.userKind, 1),
      blockId: BLOCK.userKinds,
      value: 'mfa-device-lost|iam',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(sent[0]?.replace_original).toBe(true);
    expect(JSON.stringify(sent[0]?.blocks)).toContain(FOR_KIND_LINE.iam);
  });

  it('"Not the root user?" replaces the root card with the card for everyone', async () => {
    const { sent } = await click(createOpenTopicAction, {
      actionId: ACTION.otherUserKinds,
      blockId: BLOCK.userKinds,
      value: 'mfa-device-lost#7',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(sent[0]?.replace_original).toBe(true);
    const blocks = JSON.stringify(sent[0]?.blocks);
    expect(blocks).not.toContain(FOR_KIND_LINE.root);
    expect(blocks).toContain('mfa-device-lost|root#7');
    expect(blocks).toContain('mfa-device-lost|iam#7');
  });

  it('a topic that no longer exists gets a polite note and the menu', async () => {
    const { sent } = await click(createOpenTopicAction, {
      actionId: positional(ACTION.openTopic, 0),
      blockId: BLOCK.followUps,
      value: 'renamed-topic',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(sent[0]?.text).toBe(TOPIC_GONE_TEXT);
    expect(JSON.stringify(sent[0]?.blocks)).toContain(ACTION.topicSelect);
  });
});

describe('Still stuck? and Share in channel', () => {
  it('Still stuck? shows the escalation path as a new message', async () => {
    const { sent } = await click(createStillStuckAction, {
      actionId: ACTION.stillStuck,
      blockId: BLOCK.followUps,
      value: 'mfa-device-lost',
      responseUrl: 'x',
      ephemeral: true,
    });
    expect(sent[0]?.replace_original).toBe(false);
    expect(JSON.stringify(sent[0]?.blocks)).toContain(STILL_STUCK_INTRO);
  });

  it('Share in channel posts the card publicly, naming who shared it, without another share button', async () => {
    const { sent } = await click(createShareAction, {
      actionId: ACTION.shareInChannel,
      blockId: BLOCK.followUps,
      value: 'find-account-id',
      responseUrl: 'x',
      ephemeral: true,
      userId: 'U0SHARER1',
    });
    expect(sent[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const blocks = JSON.stringify(sent[0]?.blocks);
    expect(blocks).toContain(sharedByLine('U0SHARER1'));
    expect(blocks).not.toContain(ACTION.shareInChannel);
  });
});

describe('the Shared by line of a shared card that is replaced', () => {
  const card = { text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }] } as Card;
  const clickOn = (userId: string) =>
    ({
      user: { id: userId },
      message: { blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@U0SHARER1>' }] }] },
    }) as unknown as BlockAction;

  it("is kept for the sharer's own click, and never put under anyone else's card", () => {
    expect(JSON.stringify(keepSharedBy(clickOn('U0SHARER1'), card).blocks)).toContain('Shared by <@U0SHARER1>');
    expect(keepSharedBy(clickOn('U0BYSTAND1'), card)).toBe(card);
  });
});
