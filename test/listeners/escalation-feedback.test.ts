// Listener units with a real store on a temp file and a recording Web API client: what happens when
// Slack says no (a post, a DM, a modal, the Home tab) and when two administrators click.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { ESCALATION_BEING_POSTED_TEXT, ESCALATION_FAILED_TEXT } from '../../src/cards/build-escalation-post';
import {
  ANSWER_GONE_TEXT,
  ANSWER_NOT_FOUND_YET_TEXT,
  HELPFUL_THANKS_TEXT,
  NOT_HELPFUL_NOTED_TEXT,
} from '../../src/cards/build-feedback-modal';
import { STATS_UNREADABLE_TEXT } from '../../src/cards/build-stats-card';
import { ACTION, BLOCK, encodeTopicRef, VIEW } from '../../src/cards/ids';
import {
  ALREADY_HANDLED_PREFIX,
  askerUnreachableText,
  createAskAdministratorAction,
  createEscalationChangeAction,
} from '../../src/listeners/actions/escalation-actions';
import {
  createHelpfulAction,
  createNotHelpfulAction,
  RATING_NOT_SAVED_TEXT,
} from '../../src/listeners/actions/feedback-actions';
import { NOT_AN_ADMINISTRATOR_TEXT, NOT_YOUR_ANSWER_TEXT } from '../../src/listeners/actions/who-may-act';
import { createAppHomeOpenedListener } from '../../src/listeners/events/app-home-opened';
import { createFeedbackSubmission, SAVE_TOO_SLOW_TEXT } from '../../src/listeners/views/feedback-submission';
import type { Store } from '../../src/store/types';
import { ORG_CONTEXT } from '../helpers/corpus';
import { recordingClient, recordingLogger, recordingRespond } from '../helpers/fakes';
import { ADMIN_ID, ESCALATION_CHANNEL, listenerDeps } from '../helpers/listener-deps';
import { blockActionPayload } from '../helpers/slack-requests';
import { DAY, type TempStore, tempStore } from '../helpers/temp-store';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Handler = (args: ActionArgs) => Promise<void>;

let temp: TempStore;
beforeEach(async () => {
  temp = await tempStore();
});
afterEach(() => temp.cleanup());

async function click(
  handler: Handler,
  fields: Parameters<typeof blockActionPayload>[0],
  clientOptions: Parameters<typeof recordingClient>[0] = {},
) {
  const body = blockActionPayload(fields) as unknown as BlockAction;
  const { sent, respond } = recordingRespond();
  const { calls, client } = recordingClient(clientOptions);
  const logger = recordingLogger();
  const args = { ack: async () => undefined, body, action: body.actions[0], respond, client, logger };
  await handler(args as unknown as ActionArgs);
  return { sent, calls, logger };
}

function storedQuestion() {
  return temp.store.questions.record({
    userId: 'U0ASKER01',
    surface: 'command',
    channelId: 'C0CHANNEL1',
    question: 'my iam password expired',
    kind: 'answer',
    topicId: 'iam-password-reset',
    confidence: 0.9,
  });
}

/** A press of Helpful or Not helpful on the asker's private answer. */
const ratingFields = (questionId: number, actionId: string) => ({
  actionId,
  blockId: BLOCK.feedback,
  value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
  responseUrl: 'x',
  ephemeral: true,
  userId: 'U0ASKER01',
});

const askFields = (questionId: number) => ({
  actionId: ACTION.askAdministrator,
  blockId: BLOCK.escalate,
  value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
  responseUrl: 'x',
  ephemeral: true,
  userId: 'U0ASKER01',
});

describe('an answer whose question the retention period deleted', () => {
  async function prunedQuestion() {
    await temp.reopen({ retentionDays: 30 });
    const questionId = storedQuestion();
    // Written behind: saved once the store has had a turn (a read waits for it).
    await temp.store.stats.usage();
    temp.clock.now += 31 * DAY;
    await temp.store.prune(temp.clock.now - 30 * DAY);
    expect(await temp.store.questions.get(questionId)).toBeUndefined();
    return questionId;
  }
  it('says the answer is too old and to ask again, not "try again in a minute"', async () => {
    const questionId = await prunedQuestion();
    const helpful = await click(
      createHelpfulAction(listenerDeps(temp.store)),
      ratingFields(questionId, ACTION.feedbackHelpful),
    );
    expect(String(helpful.sent[0]?.text)).toContain(ANSWER_GONE_TEXT);
    const notHelpful = await click(
      createNotHelpfulAction(listenerDeps(temp.store)),
      ratingFields(questionId, ACTION.feedbackNotHelpful),
    );
    expect(String(notHelpful.sent[0]?.text)).toContain(ANSWER_GONE_TEXT);
    const asked = await click(createAskAdministratorAction(listenerDeps(temp.store)), askFields(questionId));
    expect(String(asked.sent[0]?.text)).toContain(ANSWER_GONE_TEXT);
    expect(String(asked.sent[0]?.text)).toContain(ORG_CONTEXT.adminContact);
    expect(asked.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    for (const reply of [helpful, notHelpful, asked])
      expect(String(reply.sent[0]?.text)).not.toMatch(/try again in a minute/);
  });
});

describe('an answer whose question another replica has not saved yet', () => {
  // The replica that answered cannot reach the database for a moment; the click lands here. The
  // question is far too recent for the retention period to have deleted it: not "ask again", but later.
  it('says it cannot find the question yet and to try again in a minute, on every button; nothing is posted', async () => {
    await temp.reopen({ retentionDays: 30 });
    // The next id of this block: the one another replica's question would have, in its own block.
    const notYetSaved = storedQuestion() + 1;
    await temp.store.stats.usage();
    const helpful = await click(
      createHelpfulAction(listenerDeps(temp.store)),
      ratingFields(notYetSaved, ACTION.feedbackHelpful),
    );
    const notHelpful = await click(
      createNotHelpfulAction(listenerDeps(temp.store)),
      ratingFields(notYetSaved, ACTION.feedbackNotHelpful),
    );
    const asked = await click(createAskAdministratorAction(listenerDeps(temp.store)), askFields(notYetSaved));
    for (const reply of [helpful, notHelpful, asked]) {
      expect(String(reply.sent[0]?.text)).toContain(ANSWER_NOT_FOUND_YET_TEXT);
      expect(String(reply.sent[0]?.text)).not.toContain(ANSWER_GONE_TEXT);
    }
    expect(asked.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });
});

describe('Ask my administrator when Slack says no', () => {
  it('a failed post is not kept: the person is told to contact ADMIN_CONTACT, and the next click posts', async () => {
    const ask = createAskAdministratorAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    const failed = await click(ask, askFields(questionId), {
      failOn: { 'chat.postMessage': new Error('not_in_channel') },
    });
    expect(String(failed.sent[0]?.text)).toContain(ESCALATION_FAILED_TEXT);
    expect(String(failed.sent[0]?.text)).toContain(ORG_CONTEXT.adminContact);
    expect(failed.logger.lines.join('\n')).toContain('not_in_channel');

    const retried = await click(ask, askFields(questionId));
    expect(retried.calls.filter((c) => c.method === 'chat.postMessage')[0]?.args.channel).toBe(ESCALATION_CHANNEL);
  });

  it('an escalation whose post never happened (the process died while posting) is posted by a later click', async () => {
    const questionId = storedQuestion();
    // The click that opened it was cut short: no post, no withdraw. The app restarts.
    await temp.store.escalations.open({ questionId, requesterId: 'U0ASKER01', topicId: 'iam-password-reset' });
    const restarted = await temp.reopen();
    temp.clock.now += 3 * 60 * 1000;
    const ask = createAskAdministratorAction(listenerDeps(restarted));
    const { sent, calls } = await click(ask, askFields(questionId));
    expect(calls.filter((c) => c.method === 'chat.postMessage')[0]?.args.channel).toBe(ESCALATION_CHANNEL);
    expect(String(sent[0]?.text)).not.toMatch(/You already asked/);
  });

  it('a second click while the first is still posting does not claim the request was sent', async () => {
    const questionId = storedQuestion();
    // The first click holds the posting lease and has not posted yet (it may still fail).
    await temp.store.escalations.open({ questionId, requesterId: 'U0ASKER01', topicId: 'iam-password-reset' });
    const { sent, calls } = await click(createAskAdministratorAction(listenerDeps(temp.store)), askFields(questionId));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    expect(String(sent[0]?.text)).toContain(ESCALATION_BEING_POSTED_TEXT);
    expect(String(sent[0]?.text)).not.toMatch(/You already asked/);
  });

  it('with the database down, says nothing was sent instead of claiming it was', async () => {
    const ask = createAskAdministratorAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    await temp.store.close();
    const { sent, calls } = await click(ask, askFields(questionId));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    expect(String(sent[0]?.text)).toContain(ESCALATION_FAILED_TEXT);
  });

  it('a button left on an old card after ESCALATION_CHANNEL was removed posts nothing and names ADMIN_CONTACT', async () => {
    const ask = createAskAdministratorAction(listenerDeps(temp.store, ORG_CONTEXT));
    const { sent, calls } = await click(ask, askFields(storedQuestion()));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    expect(String(sent[0]?.text)).toContain(ORG_CONTEXT.adminContact);
  });
});

describe("I'm on it and Resolved", () => {
  async function openEscalation() {
    const { escalation } = await temp.store.escalations.open({
      questionId: storedQuestion(),
      requesterId: 'U0ASKER01',
      topicId: 'iam-password-reset',
    });
    await temp.store.escalations.attachPost(escalation.id, { channelId: ESCALATION_CHANNEL, ts: '1700000500.000100' });
    return escalation.id;
  }
  const changeFields = (id: number, userId: string) => ({
    actionId: ACTION.escalationClaim,
    blockId: BLOCK.escalationActions,
    value: String(id),
    responseUrl: 'x',
    channelId: ESCALATION_CHANNEL,
    // The post itself: administrators click the buttons on it.
    messageTs: '1700000500.000100',
    userId,
  });

  it('a second administrator cannot take over a claim: the post is refreshed and they are told who has it', async () => {
    const claim = createEscalationChangeAction('claim', listenerDeps(temp.store));
    const id = await openEscalation();
    await click(claim, changeFields(id, ADMIN_ID));
    const second = await click(claim, changeFields(id, 'U0ADMIN002'));
    expect(second.calls.map((c) => c.method)).toEqual(['chat.update']);
    expect(JSON.stringify(second.calls[0]?.args.blocks)).toContain(`<@${ADMIN_ID}> is on it`);
    expect(String(second.sent[0]?.text)).toContain(ALREADY_HANDLED_PREFIX);
    expect(String(second.sent[0]?.text)).toContain(`<@${ADMIN_ID}> is on it`);
    expect((await temp.store.escalations.get(id))?.claimedBy).toBe(ADMIN_ID);
  });

  it('if the post cannot be updated (deleted), the claim still counts and the asker still hears of it', async () => {
    const claim = createEscalationChangeAction('claim', listenerDeps(temp.store));
    const id = await openEscalation();
    const { calls, logger } = await click(claim, changeFields(id, ADMIN_ID), {
      failOn: { 'chat.update': new Error('message_not_found') },
    });
    expect(calls.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    expect(calls[1]?.args.channel).toBe('U0ASKER01');
    expect(logger.lines.join('\n')).toContain('message_not_found');
    expect((await temp.store.escalations.get(id))?.state).toBe('claimed');
  });

  it('if the person cannot be messaged, the administrator is asked to tell them', async () => {
    const resolve = createEscalationChangeAction('resolve', listenerDeps(temp.store));
    const id = await openEscalation();
    const { sent, calls } = await click(resolve, changeFields(id, ADMIN_ID), {
      failOn: { 'chat.postMessage': new Error('cannot_dm_bot') },
    });
    expect(calls[0]).toMatchObject({
      method: 'chat.update',
      args: { channel: ESCALATION_CHANNEL, ts: '1700000500.000100' },
    });
    expect(sent[0]?.text).toBe(askerUnreachableText('U0ASKER01'));
    expect((await temp.store.escalations.get(id))?.state).toBe('resolved');
  });
});

describe('Helpful', () => {
  const helpfulFields = (questionId: number) => ratingFields(questionId, ACTION.feedbackHelpful);

  it('thanks for a rating that was saved', async () => {
    const helpful = createHelpfulAction(listenerDeps(temp.store));
    const { sent } = await click(helpful, helpfulFields(storedQuestion()));
    expect(sent[0]?.text).toBe(HELPFUL_THANKS_TEXT);
  });

  it('says the question is gone and to ask again, instead of thanks, when its question could not be recorded', async () => {
    const helpful = createHelpfulAction(listenerDeps(temp.store));
    // The question's write failed (the database refused it): it is not in the database.
    const lost = temp.store.questions.record({
      userId: 'U0ASKER01',
      surface: 'command',
      question: 'lost',
      kind: 'not-a-kind' as 'answer',
      topicId: null,
      confidence: 0,
    });
    const { sent } = await click(helpful, helpfulFields(lost));
    // Not "try again in a minute": the question will never be there; asking again will work.
    expect(sent[0]?.text).toBe(ANSWER_GONE_TEXT);
    expect((await temp.store.stats.usage()).lost).toBe(1);
  });

  it('says the rating was not saved when the database is down', async () => {
    const helpful = createHelpfulAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    await temp.store.close();
    const { sent } = await click(helpful, helpfulFields(questionId));
    expect(sent[0]?.text).toBe(RATING_NOT_SAVED_TEXT);
  });
});

describe('Not helpful', () => {
  it('is saved even when the form cannot open, and the person is thanked instead', async () => {
    const notHelpful = createNotHelpfulAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    const { sent } = await click(
      notHelpful,
      {
        actionId: ACTION.feedbackNotHelpful,
        blockId: BLOCK.feedback,
        value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
        responseUrl: 'x',
        ephemeral: true,
        userId: 'U0ASKER01',
      },
      { failOn: { 'views.open': new Error('expired_trigger_id') } },
    );
    expect(sent[0]?.text).toBe(NOT_HELPFUL_NOTED_TEXT);
    expect(
      (await temp.store.feedback.get({ questionId, userId: 'U0ASKER01', topicId: 'iam-password-reset' }))?.helpful,
    ).toBe(false);
  });
});

describe('app_home_opened', () => {
  it('tells an administrator the stats could not be read, rather than leaving them out unexplained', async () => {
    const { client, calls } = recordingClient();
    const logger = recordingLogger();
    const failing = {
      ...temp.store,
      stats: { usage: () => Promise.reject(new Error('connect ECONNREFUSED')) },
    } as unknown as Store;
    const listener = createAppHomeOpenedListener(listenerDeps(failing));
    const open = async (user: string) => {
      const event = { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' };
      await listener({ event, client, logger } as unknown as SlackEventMiddlewareArgs<'app_home_opened'> &
        AllMiddlewareArgs);
      return JSON.stringify(calls.at(-1)?.args);
    };
    expect(await open(ADMIN_ID)).toContain(STATS_UNREADABLE_TEXT);
    // Someone who never sees stats is told nothing about them.
    expect(await open('U0PERSON01')).not.toContain(STATS_UNREADABLE_TEXT);
  });

  it('logs a failed publish instead of throwing', async () => {
    const { client } = recordingClient({ failWith: new Error('not_enabled') });
    const logger = recordingLogger();
    const listener = createAppHomeOpenedListener(listenerDeps(temp.store));
    const event = { type: 'app_home_opened', user: 'U0PERSON01', channel: 'D1', tab: 'home', event_ts: '1.1' };
    await listener({ event, client, logger } as unknown as SlackEventMiddlewareArgs<'app_home_opened'> &
      AllMiddlewareArgs);
    expect(logger.lines.some((line) => line.startsWith('error') && line.includes('not_enabled'))).toBe(true);
  });
});

describe('who may press what', () => {
  async function openEscalation() {
    const { escalation } = await temp.store.escalations.open({
      questionId: storedQuestion(),
      requesterId: 'U0ASKER01',
      topicId: 'iam-password-reset',
    });
    await temp.store.escalations.attachPost(escalation.id, { channelId: ESCALATION_CHANNEL, ts: '1700000600.000100' });
    return escalation.id;
  }

  it.each(['claim', 'resolve'] as const)(
    'someone not in ADMIN_USER_IDS pressing %s is told so privately; nothing changes and the asker hears nothing',
    async (change) => {
      const handler = createEscalationChangeAction(change, listenerDeps(temp.store));
      const id = await openEscalation();
      const { sent, calls } = await click(handler, {
        actionId: change === 'claim' ? ACTION.escalationClaim : ACTION.escalationResolve,
        blockId: BLOCK.escalationActions,
        value: String(id),
        responseUrl: 'x',
        channelId: ESCALATION_CHANNEL,
        userId: 'U0MEMBER01',
      });
      expect(sent.map((reply) => reply.text)).toEqual([NOT_AN_ADMINISTRATOR_TEXT]);
      expect(sent[0]).toMatchObject({ response_type: 'ephemeral' });
      expect(calls).toEqual([]);
      expect(await temp.store.escalations.get(id)).toMatchObject({ state: 'open' });
      expect((await temp.store.escalations.get(id))?.claimedBy).toBeUndefined();
    },
  );

  const onPrivateCard = (actionId: string, blockId: string, questionId: number, userId: string) => ({
    actionId,
    blockId,
    value: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
    responseUrl: 'x',
    ephemeral: true,
    userId,
  });

  it('only the person who asked may rate a private answer', async () => {
    const helpful = createHelpfulAction(listenerDeps(temp.store));
    const notHelpful = createNotHelpfulAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    for (const [handler, actionId] of [
      [helpful, ACTION.feedbackHelpful],
      [notHelpful, ACTION.feedbackNotHelpful],
    ] as const) {
      const { sent, calls } = await click(handler, onPrivateCard(actionId, BLOCK.feedback, questionId, 'U0OTHER001'));
      expect(sent.map((reply) => reply.text)).toEqual([NOT_YOUR_ANSWER_TEXT]);
      expect(calls).toEqual([]);
    }
    expect(
      await temp.store.feedback.get({ questionId, userId: 'U0OTHER001', topicId: 'iam-password-reset' }),
    ).toBeUndefined();
    const own = await click(helpful, onPrivateCard(ACTION.feedbackHelpful, BLOCK.feedback, questionId, 'U0ASKER01'));
    expect(own.sent[0]?.text).not.toBe(NOT_YOUR_ANSWER_TEXT);
    expect(
      (await temp.store.feedback.get({ questionId, userId: 'U0ASKER01', topicId: 'iam-password-reset' }))?.helpful,
    ).toBe(true);
  });

  it("only the person who asked may escalate a private answer (in a DM too): another person's question is never posted", async () => {
    const ask = createAskAdministratorAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    const inDm = { ...onPrivateCard(ACTION.askAdministrator, BLOCK.escalate, questionId, 'U0OTHER001') };
    for (const fields of [inDm, { ...inDm, ephemeral: false, channelId: 'D0OTHERDM1' }]) {
      const { sent, calls } = await click(ask, fields);
      expect(sent.map((reply) => reply.text)).toEqual([NOT_YOUR_ANSWER_TEXT]);
      expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    }
  });

  it('anyone may rate an answer in a channel (it is public), as themselves', async () => {
    const helpful = createHelpfulAction(listenerDeps(temp.store));
    const questionId = storedQuestion();
    const { sent } = await click(helpful, {
      ...onPrivateCard(ACTION.feedbackHelpful, BLOCK.feedback, questionId, 'U0OTHER001'),
      ephemeral: false,
    });
    expect(sent[0]?.text).not.toBe(NOT_YOUR_ANSWER_TEXT);
    expect(
      (await temp.store.feedback.get({ questionId, userId: 'U0OTHER001', topicId: 'iam-password-reset' }))?.helpful,
    ).toBe(true);
  });
});

describe('the "What was missing?" form when the database is slow', () => {
  it('answers within the time Slack waits, saying it cannot tell whether the note was saved', async () => {
    const questionId = await storedQuestion();
    const slowStore = {
      ...temp.store,
      feedback: { ...temp.store.feedback, save: () => new Promise<boolean>(() => undefined) },
    } as Store;
    const acked: unknown[] = [];
    const submit = createFeedbackSubmission({ store: slowStore }, { saveDeadlineMs: 50 });
    await submit({
      ack: async (response: unknown) => {
        acked.push(response);
      },
      body: { user: { id: 'U0ASKER01' } },
      view: {
        private_metadata: encodeTopicRef({ topicId: 'iam-password-reset', questionId }),
        state: { values: { [BLOCK.feedbackMissing]: { [VIEW.feedbackMissingInput]: { value: 'the steps for SSO' } } } },
      },
      logger: recordingLogger(),
    } as never);
    expect(acked).toEqual([{ response_action: 'errors', errors: { [BLOCK.feedbackMissing]: SAVE_TOO_SLOW_TEXT } }]);
  });
});
