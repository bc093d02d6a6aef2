// From the person's side: a question that says who is asking (root, IAM, Identity Center, federated)
// gets that kind's card; one that says nothing, or says two things, gets the card for everyone.
import { createConversationMemory } from '../../src/answer/conversation-memory';
import { createAnswerer, followUpNote } from '../../src/answer/create-answerer';
import { corpusToMrkdwn } from '../../src/cards/blocks';
import { FOR_KIND_LINE, NOT_KIND_LABEL } from '../../src/cards/build-answer-card';
import { buildStatsCard, USER_KINDS_TITLE } from '../../src/cards/build-stats-card';
import { ACTION, BLOCK, decodeTopicRef } from '../../src/cards/ids';
import type { Card } from '../../src/cards/types';
import type { AskerKind, Topic } from '../../src/knowledge/schema';
import { ORG_CONTEXT, realAnswerPath } from '../helpers/corpus';
import { tempStore } from '../helpers/temp-store';

const { corpus, matcher, answerer } = realAnswerPath();
const topic = (id: string): Topic => corpus.byId.get(id) as Topic;
const allText = (card: Card): string => JSON.stringify(card.blocks);
const buttons = (card: Card, blockId: string) => {
  const block = card.blocks.find((b) => b.block_id === blockId);
  return block?.type === 'actions' ? block.elements.filter((e) => e.type === 'button') : [];
};
/** Whether a card is one reopened on a kind just named (either lead it may have). */
const isFollowUp = (card: Card) =>
  (['root', 'iam', 'identity-center', 'federated'] as const).some((kind) =>
    [true, false].some((same) => allText(card).includes(followUpNote(kind, same))),
  );
const headerOf = (card: Card) => (card.blocks[0]?.type === 'header' ? card.blocks[0].text.text : '');
const firstStepOf = (card: Card) => {
  const steps = card.blocks.find((b) => b.block_id === BLOCK.steps);
  return steps?.type === 'section' ? (steps.text?.text.split('\n')[1] ?? '') : '';
};
/** The steps a kind has on a topic: its own, or those of the topic it is pointed at. */
function kindSteps(topicId: string, kind: AskerKind): { shown: Topic; steps: readonly string[] } {
  const texts = (steps: ReadonlyArray<{ text: string }>) => steps.map((step) => step.text);
  const choice = topic(topicId).user_kinds?.find((c) => c.kind === kind);
  if (choice?.steps) return { shown: topic(topicId), steps: texts(choice.steps) };
  const target = topic(choice?.topic as string);
  const own = target.user_kinds?.find((c) => c.kind === kind && c.steps);
  return { shown: target, steps: texts(own?.steps ?? target.steps) };
}

// Each of the six topics whose steps differ by kind of user, and each kind it has, in a person's words.
const NAMED: Array<[string, AskerKind, string]> = [
  ['mfa-device-lost', 'root', "I lost my MFA phone and can't sign in as root"],
  ['mfa-device-lost', 'iam', "I'm an IAM user and my MFA device was stolen"],
  ['wrong-signin-page', 'root', "I'm the root user, my password is right but the sign-in page rejects it"],
  ['wrong-signin-page', 'iam', 'IAM user here, my user name and password are right but the sign in page rejects them'],
  [
    'wrong-signin-page',
    'identity-center',
    'identity center user, my password is correct but the aws console sign in page rejects it',
  ],
  [
    'wrong-signin-page',
    'federated',
    'we log in through okta, my credentials are right but the aws console sign in page rejects them',
  ],
  ['find-account-id', 'iam', "where do i find the 12 digit account id? I'm an iam user"],
  ['find-account-id', 'root', 'root user here, the sign in page asks for an account ID, where do I find it?'],
  ['find-account-id', 'identity-center', 'I use identity center, where do I find the account ID to sign in?'],
  ['access-portal-credentials', 'federated', "can't find our access portal link, we log in with our Okta account"],
  [
    'access-portal-credentials',
    'identity-center',
    'identity center user, the access portal rejects my username and password',
  ],
  ['federated-password', 'federated', 'I log into aws through Okta and forgot my password'],
  ['signin-page-blocked', 'root', 'the aws sign in page is blocked by our firewall, I sign in as root'],
  ['signin-page-blocked', 'iam', 'IAM user here, our proxy blocks the aws sign in page'],
  ['signin-page-blocked', 'identity-center', 'our web filter blocks the identity center sign in page'],
];

describe('a question that names the kind of user', () => {
  it.each(NAMED)(
    '%s, %s: "%s" opens on that kind\'s steps, says whom it is for, and offers the others',
    (id, kind, q) => {
      const reply = answerer.answer(q);
      const { shown, steps } = kindSteps(id, kind);
      // The answer is the topic whose card the person gets (for a kind pointed elsewhere, that one).
      expect(reply.outcome?.topic?.id).toBe(shown.id);
      expect(headerOf(reply.card)).toBe(shown.title);
      expect(allText(reply.card)).toContain(FOR_KIND_LINE[kind]);
      expect(firstStepOf(reply.card)).toBe(`1. ${corpusToMrkdwn(steps[0] as string)}`);
      expect(reply.card.text).toContain(FOR_KIND_LINE[kind]);
      // One quiet button back to the topic asked about, for everyone; no "I'm the root user" buttons.
      const others = buttons(reply.card, BLOCK.userKinds);
      expect(others.map((b) => [b.text.text, b.style, b.action_id])).toEqual([
        [NOT_KIND_LABEL[kind], undefined, ACTION.otherUserKinds],
      ]);
      expect(decodeTopicRef(others[0]?.value)).toEqual({ topicId: id });
    },
  );

  it('covers every kind of user the six topics have', () => {
    const six = [
      'mfa-device-lost',
      'wrong-signin-page',
      'find-account-id',
      'access-portal-credentials',
      'federated-password',
      'signin-page-blocked',
    ];
    const covered = new Set(NAMED.map(([id, kind]) => `${id}:${kind}`));
    for (const id of six) {
      for (const choice of topic(id).user_kinds ?? []) {
        if (choice.kind === 'anyone') continue;
        // federated-password's other kinds point at their own password topics, which a question naming them gets.
        if (id === 'federated-password' && choice.kind !== 'federated') continue;
        expect(covered).toContain(`${id}:${choice.kind}`);
      }
    }
  });

  it.each([
    ['iam', 'forgot my IAM user password', 'iam-password-reset'],
    ['root', 'forgot my root user password', 'root-password-reset'],
    ['identity-center', 'forgot my identity center password', 'identity-center-password-reset'],
  ] as const)('a %s password question gets the password topic only that kind has', (kind, q, id) => {
    const reply = answerer.answer(q);
    expect(reply.outcome?.user).toBe(kind);
    expect(reply.outcome?.topic?.id).toBe(id);
    expect(topic(id).audience).toEqual([kind]);
  });

  it('Contact AWS Support is offered to a root user who lost the MFA device, never to an IAM user', () => {
    const labels = (q: string) => buttons(answerer.answer(q).card, BLOCK.escalate).map((b) => b.action_id);
    expect(labels("I lost my MFA phone and can't sign in as root")).toContain(ACTION.contactAwsSupport);
    expect(labels("I'm an IAM user and my MFA device was stolen")).not.toContain(ACTION.contactAwsSupport);
  });

  it('a related topic opened from a root card opens on its root steps too', () => {
    const card = answerer.answer("I'm the root user, my password is right but the sign-in page rejects it").card;
    const related = buttons(card, BLOCK.followUps).map((b) => decodeTopicRef(b.value));
    expect(related.filter((ref) => ref?.topicId !== 'wrong-signin-page').every((ref) => ref?.kind === 'root')).toBe(
      true,
    );
    // From signin-page-blocked's root card, its related wrong-signin-page opens on the root steps.
    const blocked = answerer.answer('the aws sign in page is blocked by our firewall, I sign in as root').card;
    const ref = buttons(blocked, BLOCK.followUps)
      .map((b) => decodeTopicRef(b.value))
      .find((r) => r?.topicId === 'wrong-signin-page');
    expect(ref?.kind).toBe('root');
    const opened = answerer.topicCard(ref as NonNullable<typeof ref>) as Card;
    expect(allText(opened)).toContain(FOR_KIND_LINE.root);
    expect(firstStepOf(opened)).toBe(`1. ${corpusToMrkdwn(kindSteps('wrong-signin-page', 'root').steps[0] as string)}`);
  });

  it('a related topic with nothing for that kind opens for everyone, and still carries the kind', () => {
    const card = answerer.topicCard({ topicId: 'contact-aws-support', kind: 'root' }) as Card;
    expect(card).not.toBeNull();
    expect(allText(card)).not.toContain(FOR_KIND_LINE.root);
    expect(
      buttons(card, BLOCK.followUps).every(
        (b) => b.action_id === ACTION.stillStuck || decodeTopicRef(b.value)?.kind === 'root',
      ),
    ).toBe(true);
  });

  it('a root user asked for an account ID gets the root sign-in steps, without being asked which topic first', () => {
    const reply = answerer.answer("root user: the sign in page asks me for an account ID, which I don't have");
    expect(reply.outcome?.kind).toBe('answer');
    expect(headerOf(reply.card)).toBe(topic('wrong-signin-page').title);
    expect(allText(reply.card)).toContain(FOR_KIND_LINE.root);
    expect(firstStepOf(reply.card)).toBe(
      `1. ${corpusToMrkdwn(kindSteps('wrong-signin-page', 'root').steps[0] as string)}`,
    );
  });

  it('a root user whose sign-in page asks for an IAM user name gets the root sign-in steps', () => {
    const reply = answerer.answer(
      'I opened this AWS account myself with my email, but the login screen is asking for an account ID, IAM user name and password',
    );
    expect(reply.outcome?.user).toBe('root');
    expect(headerOf(reply.card)).toBe(topic('wrong-signin-page').title);
    expect(allText(reply.card)).toContain(FOR_KIND_LINE.root);
  });

  it('a clarifying question carries the kind to the topic picked', () => {
    const reply = answerer.answer("I'm an IAM user and I'm locked out of aws");
    if (reply.outcome?.kind !== 'clarify')
      throw new Error(`expected a clarifying question, got ${reply.outcome?.kind}`);
    const choices = buttons(reply.card, BLOCK.choices).map((b) => decodeTopicRef(b.value));
    expect(choices.every((ref) => ref?.kind === 'iam')).toBe(true);
  });
});

describe('a locked-out person who says which kind of user they are', () => {
  it.each([
    ["I'm an IAM user and I'm locked out of aws", 'iam' as AskerKind, ['iam-password-reset', 'mfa-device-lost']],
    [
      "root user here and I'm locked out of the console",
      'root' as AskerKind,
      ['root-password-reset', 'mfa-device-lost'],
    ],
  ])('"%s" is asked only about the %s user\'s topics', (question, kind, expected) => {
    const reply = answerer.answer(question);
    if (reply.outcome?.kind !== 'clarify')
      throw new Error(`expected a clarifying question, got ${reply.outcome?.kind}`);
    const offered = buttons(reply.card, BLOCK.choices).map((b) => decodeTopicRef(b.value));
    expect(offered.map((ref) => ref?.topicId)).toEqual(expect.arrayContaining(expected));
    for (const ref of offered) {
      const audience = topic(ref?.topicId ?? '').audience;
      expect(audience.includes(kind) || audience.includes('anyone')).toBe(true);
      expect(ref?.kind).toBe(kind);
    }
  });
});

describe('a question that says an administrator is involved', () => {
  it('is not asked about the root user, whose password no administrator resets', () => {
    const reply = answerer.answer('my admin has to reset my password?');
    if (reply.outcome?.kind !== 'clarify')
      throw new Error(`expected a clarifying question, got ${reply.outcome?.kind}`);
    const offered = buttons(reply.card, BLOCK.choices).map((b) => decodeTopicRef(b.value)?.topicId);
    expect(offered).toContain('iam-password-reset');
    expect(offered).not.toContain('root-password-reset');
  });
});

describe('a question that names no kind, or two', () => {
  it.each([
    ['I lost my MFA phone'],
    ['the sign-in page rejects my password but it is right'],
    ['which domains does our corporate firewall need to allow for the aws sign in page?'],
  ])('"%s" gets today\'s card', (q) => {
    const reply = answerer.answer(q);
    expect(reply.outcome?.user).toBeNull();
    expect(reply.card).toEqual(answerer.topicCard({ topicId: reply.outcome?.topic?.id as string }));
    for (const line of Object.values(FOR_KIND_LINE)) expect(allText(reply.card)).not.toContain(line);
  });

  it.each([
    ['root user here, the login page asks for my IAM user name'],
    ['I log into aws through Okta and forgot my IAM password'],
    ["I'm not the root user and my MFA phone is gone"],
  ])('"%s" (contradictory, or a kind denied) gets today\'s card', (q) => {
    const reply = answerer.answer(q);
    expect(reply.outcome?.kind).toBe('answer');
    expect(reply.outcome?.user).toBeNull();
    expect(reply.card).toEqual(answerer.topicCard({ topicId: reply.outcome?.topic?.id as string }));
  });

  it("today's MFA card still shows the generic steps and a button per kind", () => {
    const card = answerer.answer('I lost my MFA phone').card;
    expect(
      buttons(card, BLOCK.userKinds)
        .map((b) => decodeTopicRef(b.value)?.kind)
        .sort(),
    ).toEqual(['iam', 'root']);
  });
});

describe('recording the kind', () => {
  it('records the topic whose card the person got, the one its feedback buttons name', async () => {
    const temp = await tempStore();
    try {
      const recording = createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT, questions: temp.store.questions });
      const asker = { userId: 'U0ASKER01', surface: 'command' as const };
      const reply = recording.answer('root user here, the sign in page asks for an account ID, where do I find it?', {
        asker,
      });
      expect(headerOf(reply.card)).toBe(topic('wrong-signin-page').title);
      expect((await temp.store.questions.get(reply.questionId as number))?.topicId).toBe('wrong-signin-page');
      const feedback = buttons(reply.card, BLOCK.feedback).map((b) => decodeTopicRef(b.value));
      expect(feedback[0]?.topicId).toBe('wrong-signin-page');
    } finally {
      await temp.cleanup();
    }
  });

  it('stores the kind with the question, and stats count questions per kind', async () => {
    const temp = await tempStore();
    try {
      const recording = createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT, questions: temp.store.questions });
      const asker = { userId: 'U0ASKER01', surface: 'command' as const };
      const root = recording.answer("I lost my MFA phone and can't sign in as root", { asker });
      recording.answer('the aws sign in page is blocked by our firewall, I sign in as root', { asker });
      recording.answer('I log into aws through Okta and forgot my password', { asker });
      const none = recording.answer('I lost my MFA phone', { asker });
      expect((await temp.store.questions.get(root.questionId as number))?.userKind).toBe('root');
      expect((await temp.store.questions.get(none.questionId as number))?.userKind).toBeUndefined();
      // The root card's buttons carry the kind with the question.
      const feedback = buttons(root.card, BLOCK.feedback).map((b) => decodeTopicRef(b.value));
      expect(feedback[0]).toEqual({
        topicId: 'mfa-device-lost',
        kind: 'root',
        questionId: root.questionId,
        askerId: asker.userId,
      });
      const stats = await temp.store.stats.usage();
      expect(stats.userKinds).toEqual({ root: 2, iam: 0, 'identity-center': 0, federated: 1 });
      const card = buildStatsCard(stats, (id) => id);
      expect(allText(card)).toContain(USER_KINDS_TITLE);
      expect(allText(card)).toContain('Root user');
    } finally {
      await temp.cleanup();
    }
  });
});

describe("following a kind's card by its buttons", () => {
  const { answerer } = realAnswerPath();
  type Element = { type: string; action_id?: string; value?: string; text?: { text: string } };
  const elements = (card: Card | null): Element[] =>
    (card?.blocks ?? []).flatMap((block) => (block.type === 'actions' ? (block.elements as Element[]) : []));
  const buttonValue = (card: Card | null, label: RegExp): string | undefined =>
    elements(card).find((element) => element.type === 'button' && label.test(element.text?.text ?? ''))?.value;
  const open = (value: string | undefined): Card | null => {
    const ref = decodeTopicRef(value);
    return ref ? answerer.topicCard(ref) : null;
  };

  it("keeps the root steps through Still stuck?, its AWS Support topic and that topic's related MFA topic", () => {
    const rootCard = answerer.topicCard({
      topicId: 'mfa-device-lost',
      kind: 'root',
      questionId: 7,
      askerId: 'U0ASKER01',
    });
    const stuckRef = decodeTopicRef(buttonValue(rootCard, /Still stuck/));
    const stuck = stuckRef ? answerer.stillStuckCard(stuckRef) : null;
    const toSupport = buttonValue(stuck, /need AWS Support/);
    expect(toSupport).toBe('contact-aws-support|root#7@U0ASKER01');
    const mfa = open(buttonValue(open(toSupport), /MFA device/));
    expect(JSON.stringify(mfa?.blocks)).toContain(FOR_KIND_LINE.root);
  });

  it("carries the kind in a clarify card's 'None of these?' menu, as in its choices", () => {
    const reply = answerer.answer('IAM user, cannot log in', { asker: { userId: 'U0ASKER01', surface: 'dm' } });
    expect(reply.outcome?.kind).toBe('clarify');
    expect(reply.outcome?.user).toBe('iam');
    const options = JSON.stringify(reply.card.blocks).match(/"value":"(mfa-device-lost[^"]*)"/g) ?? [];
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option).toContain('|iam');
  });

  it.each(['iam', 'identity-center', 'federated'] as const)(
    'never points a %s user at AWS Support for a lost MFA device (AWS Support cannot help them)',
    (kind) => {
      const card = answerer.topicCard({ topicId: 'mfa-device-lost', kind, questionId: 7, askerId: 'U0ASKER01' });
      const labels = elements(card).map((element) => element.text?.text ?? '');
      expect(labels.filter((label) => /AWS Support/.test(label))).toEqual([]);
    },
  );

  it('still offers the root user the way to AWS Support', () => {
    const card = answerer.topicCard({ topicId: 'mfa-device-lost', kind: 'root', questionId: 7, askerId: 'U0ASKER01' });
    expect(elements(card).some((element) => /AWS Support/.test(element.text?.text ?? ''))).toBe(true);
  });
});

describe('who is asking, said after an answer', () => {
  const dm = { userId: 'U0ASKER01', surface: 'dm' as const, channelId: 'D0ASKER01' };
  let clock = 1_000_000;
  const fresh = () =>
    createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT, conversations: createConversationMemory(() => clock) });

  it("reopens the card just given on the root user's steps, saying so, and records it as that answer", async () => {
    const temp = await tempStore();
    try {
      const recording = createAnswerer({
        corpus,
        matcher,
        cardContext: ORG_CONTEXT,
        questions: temp.store.questions,
        conversations: createConversationMemory(() => clock),
      });
      const first = recording.answer('I lost my MFA phone', { asker: dm });
      expect(allText(first.card)).not.toContain(FOR_KIND_LINE.root);
      const root = recording.answer("I'm the root user", { asker: dm });
      expect(root.outcome).toMatchObject({ kind: 'answer', user: 'root' });
      expect(root.outcome?.topic?.id).toBe('mfa-device-lost');
      expect(allText(root.card)).toContain(FOR_KIND_LINE.root);
      expect(allText(root.card)).toContain(followUpNote('root', true));
      expect(root.card.text).toContain(followUpNote('root', true));
      expect(firstStepOf(root.card)).toBe(`1. ${corpusToMrkdwn(kindSteps('mfa-device-lost', 'root').steps[0] ?? '')}`);
      const stored = await temp.store.questions.get(root.questionId as number);
      expect(stored).toMatchObject({ kind: 'answer', topicId: 'mfa-device-lost', userKind: 'root' });
    } finally {
      await temp.cleanup();
    }
  });

  it('reads the kind however it is said: "we use okta", "actually an IAM user"', () => {
    const answering = fresh();
    answering.answer('my username and password are right but the sign in page rejects them', { asker: dm });
    const federated = answering.answer('we sign in through okta', { asker: dm });
    expect(federated.outcome?.topic?.id).toBe(headerTopicOf('wrong-signin-page', 'federated'));
    expect(allText(federated.card)).toContain(FOR_KIND_LINE.federated);
    const iam = answering.answer('actually I am an IAM user', { asker: dm });
    expect(iam.outcome?.topic?.id).toBe('wrong-signin-page');
    expect(allText(iam.card)).toContain(FOR_KIND_LINE.iam);
  });

  it('follows a topic the person picked from a clarify card, in a thread', () => {
    const answering = fresh();
    const inThread = { userId: 'U0ASKER01', surface: 'mention' as const, channelId: 'C0CHANNEL1', threadTs: '10.1' };
    answering.topicCard({ topicId: 'find-account-id' }, { asker: inThread });
    const root = answering.answer('root user', { asker: inThread });
    // A root user needs no account ID: the kind is sent to another topic, and the lead says so.
    expect(root.outcome?.topic?.id).toBe(headerTopicOf('find-account-id', 'root'));
    expect(headerTopicOf('find-account-id', 'root')).not.toBe('find-account-id');
    expect(allText(root.card)).toContain(followUpNote('root', false));
  });

  it('is about that conversation only: another person, channel or thread, or half an hour later, asks as before', () => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    const inChannel = { userId: 'U0ASKER01', surface: 'mention' as const, channelId: 'C0CHANNEL1', threadTs: '10.1' };
    answering.answer('I lost my MFA phone', { asker: inChannel });
    const elsewhere = [
      { ...dm, userId: 'U0SOMEONE2' },
      { ...dm, channelId: 'D0OTHER001' },
      { ...inChannel, threadTs: '12.5' },
      { ...inChannel, threadTs: undefined },
    ];
    for (const asker of elsewhere)
      expect(answering.answer("I'm the root user", { asker }).outcome?.kind).toBe('clarify');
    clock += 31 * 60 * 1000;
    expect(answering.answer("I'm the root user", { asker: dm }).outcome?.kind).toBe('clarify');
  });

  it("asks as before when the answer given has no steps of that kind's own, or the message says more", () => {
    const answering = fresh();
    answering.answer('how do I close my aws account', { asker: dm });
    expect(answering.answer("I'm the root user", { asker: dm }).outcome?.kind).toBe('clarify');
    answering.answer('I lost my MFA phone', { asker: dm });
    const more = answering.answer("I'm the root user and I forgot my password", { asker: dm });
    expect(more.outcome?.topic?.id).toBe('root-password-reset');
    // Offline, one question at a time: nothing to follow.
    expect(answering.answer("I'm the root user").outcome?.kind).toBe('clarify');
  });
});

describe('who is asking, said after an answer: what it is not', () => {
  const dm = { userId: 'U0ASKER02', surface: 'dm' as const, channelId: 'D0ASKER02' };
  const fresh = () => createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT });

  it('follows only the card just given: after a clarifying question, the kind answers that question', () => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    expect(answering.answer('I forgot my password', { asker: dm }).outcome?.kind).toBe('clarify');
    const next = answering.answer("I'm an IAM user", { asker: dm });
    expect(next.outcome?.topic?.id).not.toBe('mfa-device-lost');
    expect(isFollowUp(next.card)).toBe(false);
  });

  it('follows only the card just given: after the topic menu (a message of emoji alone), too', () => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    expect(answering.answer(':sob: :sob:', { asker: dm }).outcome).toBeNull();
    expect(isFollowUp(answering.answer("I'm the root user", { asker: dm }).card)).toBe(false);
  });

  it.each([
    'who has the root user',
    'how do I know if I am the root user',
    'am I the root user?',
    'I will ask the root user',
    'how do I sign in as root',
    "what's an IAM user",
  ])('a question about a kind is not the person saying who they are: %s', (question) => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    expect(isFollowUp(answering.answer(question, { asker: dm }).card)).toBe(false);
  });

  it.each([
    ["I'm an IAM user with no permissions", 'iam-password-reset'],
    ['IAM user, administrator permissions', undefined],
  ])('a kind with more to say is a question of its own: %s', (question, alone) => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    const next = answering.answer(question, { asker: dm });
    expect(isFollowUp(next.card)).toBe(false);
    if (alone) expect(next.outcome?.topic?.id).toBe(alone);
  });

  it('records the follow-up with the question it follows, for whoever reads the request', async () => {
    const temp = await tempStore();
    try {
      const recording = createAnswerer({ corpus, matcher, cardContext: ORG_CONTEXT, questions: temp.store.questions });
      recording.answer('I lost my MFA phone', { asker: dm });
      const root = recording.answer("I'm the root user", { asker: dm });
      expect((await temp.store.questions.get(root.questionId as number))?.question).toBe(
        "I lost my MFA phone … I'm the root user",
      );
    } finally {
      await temp.cleanup();
    }
  });

  it('follows a topic picked on the Home tab (its card lands in the DM), or the DM answer given after it', () => {
    let clock = 5_000_000;
    const answering = createAnswerer({
      corpus,
      matcher,
      cardContext: ORG_CONTEXT,
      conversations: createConversationMemory(() => clock),
    });
    answering.answer('my username and password are right but the sign in page rejects them', { asker: dm });
    clock += 1000;
    answering.topicCard({ topicId: 'mfa-device-lost' }, { asker: { userId: dm.userId, surface: 'home' } });
    clock += 1000;
    expect(answering.answer("I'm the root user", { asker: dm }).outcome?.topic?.id).toBe('mfa-device-lost');
    clock += 1000;
    answering.answer('my username and password are right but the sign in page rejects them', { asker: dm });
    clock += 1000;
    expect(answering.answer('I am an IAM user', { asker: dm }).outcome?.topic?.id).toBe('wrong-signin-page');
  });

  it('in a DM, follows the latest card, whether it was given in a thread of the DM or not', () => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    answering.answer('my username and password are right but the sign in page rejects them', {
      asker: { ...dm, threadTs: '99.1' },
    });
    expect(answering.answer("I'm an IAM user", { asker: dm }).outcome?.topic?.id).toBe('wrong-signin-page');
  });

  it('follows an answer in a DM from a reply in its thread', () => {
    const answering = fresh();
    answering.answer('I lost my MFA phone', { asker: dm });
    const inThread = answering.answer("I'm the root user", { asker: { ...dm, threadTs: '50.1' } });
    expect(allText(inThread.card)).toContain(FOR_KIND_LINE.root);
  });
});

/** The topic a kind's card on `topicId` shows: its own, or the one its kind is pointed at. */
function headerTopicOf(topicId: string, kind: AskerKind): string {
  return kindSteps(topicId, kind).shown.id;
}
