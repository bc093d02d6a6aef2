// The cards issue 4 adds: feedback and escalation buttons on answers, Contact AWS Support, the escalation
// post, the stats and the Home tab. Built from the real corpus and checked against Block Kit's limits.
import { createAnswerer } from '../../src/answer/create-answerer';
import {
  ASK_ADMINISTRATOR_LABEL,
  CONTACT_AWS_SUPPORT_LABEL,
  HELPFUL_LABEL,
  NOT_HELPFUL_LABEL,
} from '../../src/cards/build-answer-card';
import {
  askerNotes,
  buildEscalationPost,
  CLAIM_LABEL,
  PICKED_NOT_TYPED,
  RESOLVE_LABEL,
  SIGNS_IN_AS,
  someoneElsesQuestionLine,
} from '../../src/cards/build-escalation-post';
import { buildFeedbackModal } from '../../src/cards/build-feedback-modal';
import {
  buildHomeView,
  HOME_CONTACTS_TITLE,
  statsElsewhereText,
  VIEW_BLOCK_LIMIT,
} from '../../src/cards/build-home-view';
import {
  bar,
  buildStatsCard,
  MISSING_TITLE,
  NO_QUESTIONS_TEXT,
  statsIncompleteText,
  UNANSWERED_TITLE,
} from '../../src/cards/build-stats-card';
import {
  ACCOUNT_SUPPORT_FORM_URL,
  BILLING_AND_ACCOUNT_FORM,
  buildSupportCard,
  HAVE_READY_LINES,
  HAVE_READY_TITLE,
  MFA_SUPPORT_FORM_URL,
  NO_PHONE_TEXT,
  SUPPORT_LIMITS_TEXT,
  SUPPORT_SOURCES,
} from '../../src/cards/build-support-card';
import {
  ACTION,
  BLOCK,
  decodeEscalationRef,
  decodeTopicRef,
  encodeEscalationRef,
  encodeTopicRef,
} from '../../src/cards/ids';
import { LIMITS } from '../../src/cards/limits';
import type { Card, CardContext } from '../../src/cards/types';
import { OUR_ADVICE_MARK } from '../../src/cards/who-can-help';
import type { Topic } from '../../src/knowledge/schema';
import type { EscalationRecord, UsageStats } from '../../src/store/types';
import { blockKitProblems, viewProblems } from '../helpers/block-kit';
import { textsOf } from '../helpers/cards';
import { ORG_CONTEXT, realAnswerPath } from '../helpers/corpus';

const { corpus, matcher } = realAnswerPath();
const topic = (id: string): Topic => corpus.byId.get(id) as Topic;
const WITH_CHANNEL: CardContext = { ...ORG_CONTEXT, escalationChannel: 'C0ESCALATE' };
const answererFor = (cardContext: CardContext) => createAnswerer({ corpus, matcher, cardContext });
const buttonsIn = (card: Card, blockId: string) => {
  const block = card.blocks.find((b) => b.block_id === blockId);
  return block?.type === 'actions' ? block.elements.filter((e) => e.type === 'button') : [];
};
const labels = (card: Card, blockId: string) => buttonsIn(card, blockId).map((b) => b.text.text);
const allText = (value: unknown): string => JSON.stringify(value);

describe('answer card buttons', () => {
  const withChannel = answererFor(WITH_CHANNEL);

  it('offers Helpful / Not helpful, carrying the question id, only for a stored question', () => {
    const card = withChannel.topicCard({ topicId: 'find-account-id', questionId: 41 }) as Card;
    expect(labels(card, BLOCK.feedback)).toEqual([`:+1: ${HELPFUL_LABEL}`, `:-1: ${NOT_HELPFUL_LABEL}`]);
    for (const b of buttonsIn(card, BLOCK.feedback)) {
      expect(decodeTopicRef(b.value)).toEqual({ topicId: 'find-account-id', questionId: 41 });
    }
    const offline = withChannel.topicCard({ topicId: 'find-account-id' }) as Card;
    expect(labels(offline, BLOCK.feedback)).toEqual([]);
  });

  it('keeps the question id on every button that opens another card', () => {
    const card = withChannel.topicCard({ topicId: 'mfa-device-lost', questionId: 7 }, { shareable: true }) as Card;
    const opening = [...buttonsIn(card, BLOCK.followUps), ...buttonsIn(card, BLOCK.userKinds)];
    expect(opening.length).toBeGreaterThan(3);
    for (const b of opening) expect(decodeTopicRef(b.value)?.questionId).toBe(7);
  });

  it('offers Ask my administrator where the administrator can help and a channel is set up', () => {
    const card = withChannel.topicCard({ topicId: 'iam-password-reset', questionId: 1 }) as Card;
    expect(labels(card, BLOCK.escalate)).toEqual([ASK_ADMINISTRATOR_LABEL]);
    expect(buttonsIn(card, BLOCK.escalate)[0]?.action_id).toBe(ACTION.askAdministrator);
    // Root password resets go to AWS Support, never to the administrator.
    const root = withChannel.topicCard({ topicId: 'root-password-reset', questionId: 1 }) as Card;
    expect(labels(root, BLOCK.escalate)).toEqual([CONTACT_AWS_SUPPORT_LABEL]);
  });

  it('without ESCALATION_CHANNEL shows no Ask my administrator, and names ADMIN_CONTACT instead', () => {
    const card = answererFor(ORG_CONTEXT).topicCard({ topicId: 'iam-password-reset', questionId: 1 }) as Card;
    expect(allText(card)).not.toContain(ASK_ADMINISTRATOR_LABEL);
    expect(allText(card)).toContain(`*Your administrator* (${ORG_CONTEXT.adminContact})`);
  });

  it('offers both on a topic that can go either way, and Contact AWS Support only where AWS Support helps', () => {
    const signIn = withChannel.topicCard({ topicId: 'wrong-signin-page', questionId: 3 }) as Card;
    expect(labels(signIn, BLOCK.escalate)).toEqual([ASK_ADMINISTRATOR_LABEL, CONTACT_AWS_SUPPORT_LABEL]);
    // Its IAM user variant has the administrator only: AWS Support can't recover an account ID.
    const iam = withChannel.topicCard({ topicId: 'wrong-signin-page', kind: 'iam', questionId: 3 }) as Card;
    expect(labels(iam, BLOCK.escalate)).toEqual([ASK_ADMINISTRATOR_LABEL]);
    const portal = withChannel.topicCard({ topicId: 'access-portal-credentials', questionId: 3 }) as Card;
    expect(allText(portal)).not.toContain(CONTACT_AWS_SUPPORT_LABEL);
  });

  it.each(corpus.topics.map((t) => [t.id]))('%s with every button stays inside Block Kit limits', (id) => {
    const card = withChannel.topicCard({ topicId: id, questionId: 999_999_999 }, { shareable: true }) as Card;
    expect(blockKitProblems(card)).toEqual([]);
    const values = card.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    for (const element of values) {
      if (element.type === 'button') expect((element.value ?? '').length).toBeLessThan(LIMITS.buttonValue);
    }
  });
});

describe('button values', () => {
  it('round-trip a topic, a kind of user and a question id, and read old values without an id', () => {
    for (const ref of [
      { topicId: 'mfa-device-lost' },
      { topicId: 'mfa-device-lost', kind: 'iam' },
      { topicId: 'mfa-device-lost', kind: 'iam', questionId: 12 },
      { topicId: 'find-account-id', questionId: 0 },
      { topicId: 'find-account-id', kind: 'root', questionId: 3, askerId: 'U0ASKER01' },
      { topicId: 'find-account-id', askerId: 'W012AB3CD' },
    ]) {
      expect(decodeTopicRef(encodeTopicRef(ref))).toEqual(ref);
    }
    expect(encodeTopicRef({ topicId: 'mfa-device-lost', kind: 'iam', questionId: 12 })).toBe('mfa-device-lost|iam#12');
    expect(decodeTopicRef('a|b|c')).toBeNull();
    expect(decodeTopicRef('#12')).toBeNull();
    // A person is a Slack user id: anything else in its place is not a value the app made.
    expect(decodeTopicRef('mfa-device-lost#12@<!channel>')).toBeNull();
  });

  it("name an escalation by its id and the time it was opened, and read a post's older id-only value", () => {
    expect(decodeEscalationRef(encodeEscalationRef({ id: 12, createdAt: 1767225600000 }))).toEqual({
      id: 12,
      createdAt: 1767225600000,
    });
    expect(decodeEscalationRef('12')).toEqual({ id: 12 });
    for (const bad of ['', 'x', '12@', '@5', '1.5', '12@5@6']) expect(decodeEscalationRef(bad)).toBeNull();
  });
});

describe('Contact AWS Support card', () => {
  it('builds for a topic an administrator named like a property every object has ("constructor")', () => {
    for (const id of ['constructor', 'to-string', 'hasOwnProperty']) {
      const card = buildSupportCard({ ...topic('root-password-reset'), id });
      expect(allText(card)).toContain(ACCOUNT_SUPPORT_FORM_URL);
      expect(blockKitProblems(card)).toEqual([]);
    }
  });

  it('sends a locked-out root user to the Billing and Account Support request form, linked', () => {
    const card = buildSupportCard(topic('root-password-reset'));
    const text = allText(card);
    expect(text).toContain(
      `<${ACCOUNT_SUPPORT_FORM_URL}|I'm an AWS customer and I'm looking for billing or account support>`,
    );
    expect(blockKitProblems(card)).toEqual([]);
  });

  // Issue 12, problem 6: the newer Sign-In User Guide sends people to AWS Support through the form, not to
  // the older IAM page's "Contact us... Still unable to log into your AWS account".
  it('follows the Sign-In User Guide: the form, never the old Contact us route, for every topic', () => {
    for (const t of corpus.topics) {
      const text = allText(buildSupportCard(t));
      expect(text).not.toContain('Still unable to log into');
      expect(text).not.toContain('aws.amazon.com/contact-us');
    }
    expect(allText(buildSupportCard(topic('no-email-access')))).toContain(ACCOUNT_SUPPORT_FORM_URL);
  });

  // Issue 12, problem 4: the checklist is our advice, marked as ours; the card's AWS facts are the sources'.
  it('marks what to have ready as our advice and asks for no account ID, and states what AWS Support cannot do', () => {
    const supportTopics = corpus.topics.filter((t) =>
      [...t.escalation, ...(t.user_kinds ?? []).flatMap((k) => k.escalation ?? [])].some(
        (e) => e.contact === 'aws-support',
      ),
    );
    expect(supportTopics.length).toBeGreaterThan(5);
    for (const t of supportTopics) {
      const card = buildSupportCard(t);
      const text = allText(card);
      expect(card.text).toContain(NO_PHONE_TEXT);
      expect(card.text).toContain(SUPPORT_LIMITS_TEXT);
      expect(text).toContain(JSON.stringify(HAVE_READY_TITLE).slice(1, -1));
      expect(HAVE_READY_TITLE).toContain(OUR_ADVICE_MARK);
      for (const line of HAVE_READY_LINES) expect(text).toContain(JSON.stringify(line).slice(1, -1));
      expect(text).not.toMatch(/account ID \(12 digits\)/);
      expect(text).not.toContain("Don't send passwords or access keys: for security");
      expect(blockKitProblems(card)).toEqual([]);
    }
    expect(allText(buildSupportCard(topic('suspended-account')))).toContain('reactivate-suspended-account');
    expect(allText(buildSupportCard(topic('report-fraud')))).toContain(
      'https://aws.amazon.com/premiumsupport/knowledge-center/report-aws-abuse/',
    );
    expect(allText(buildSupportCard(topic('billing-support')))).toContain(
      JSON.stringify(BILLING_AND_ACCOUNT_FORM).slice(1, -1),
    );
  });

  it('sends a root user with a lost MFA device to the MFA form, and tells IAM users AWS Support cannot help them', () => {
    const text = allText(buildSupportCard(topic('mfa-device-lost')));
    expect(text).toContain(MFA_SUPPORT_FORM_URL);
    expect(text).toContain("AWS Support can't assist IAM users with MFA device issues");
  });

  it('cites only sections knowledge/sources.yml lists, with their current headings', () => {
    const known = new Map(
      corpus.sources.pages.flatMap((page) =>
        page.sections.map((s): [string, string] => [`${page.id}#${s.anchor}`, s.heading]),
      ),
    );
    for (const { ref, heading } of SUPPORT_SOURCES) expect(known.get(ref)).toBe(heading);
  });
});

describe('escalation post', () => {
  const base: EscalationRecord = {
    id: 5,
    questionId: 9,
    requesterId: 'U0ASKER01',
    topicId: 'iam-password-reset',
    originChannelId: 'C0CHANNEL1',
    permalink: 'https://example.slack.com/archives/C0CHANNEL1/p1',
    question: 'forgot my IAM password <!channel> @here <https://evil.example|click>',
    askedBy: 'U0ASKER01',
    state: 'open',
    createdAt: Date.UTC(2026, 0, 5, 9),
  };
  const title = topic('iam-password-reset').title;

  it('shows who asked, their question escaped, the topic shown and a link back, with both buttons', () => {
    const card = buildEscalationPost(base, title);
    const text = allText(card);
    expect(text).toContain('<@U0ASKER01> needs help');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('@\u2060here');
    expect(text).not.toContain('<https://evil');
    expect(text).toContain(title);
    expect(text).toContain('<https://example.slack.com/archives/C0CHANNEL1/p1|Open the conversation>');
    expect(labels(card, BLOCK.escalationActions)).toEqual([CLAIM_LABEL, RESOLVE_LABEL]);
    expect(JSON.stringify(card.blocks)).toContain(`"value":"5@${base.createdAt}"`);
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('says which kind of user they said they are (it decides what an administrator can do), and nothing when they did not say', () => {
    const post = allText(buildEscalationPost({ ...base, topicId: 'mfa-device-lost', userKind: 'iam' }, title));
    expect(post).toContain('*Signs in as*');
    expect(post).toContain(SIGNS_IN_AS.iam);
    expect(allText(buildEscalationPost(base, title))).not.toContain('Signs in as');
    // Asked from someone else's card, the kind is what the other person said: not shown.
    const fromAnother = { ...base, userKind: 'root', askedBy: 'U0OTHER01' };
    expect(allText(buildEscalationPost(fromAnother, title))).not.toContain('Signs in as');
  });

  it('tells a person asking again after their request was resolved what still works, not only that it is resolved', () => {
    const resolved = {
      ...base,
      state: 'resolved' as const,
      resolvedBy: 'U0ADMIN001',
      resolvedAt: base.createdAt + 1000,
    };
    const note = askerNotes.alreadyRequested(resolved).text;
    expect(note).toContain('resolved by <@U0ADMIN001>');
    expect(note).toContain('Still stuck? Reply to <@U0ADMIN001>, or ask me your question again');
    expect(askerNotes.alreadyRequested(base).text).not.toContain('Still stuck?');
  });

  it('quotes their question where Slack turns no URL or #channel in it into a link', () => {
    const card = buildEscalationPost({ ...base, question: 'see https://evil.example/aws-login and #general' }, title);
    const quoted = textsOf(card.blocks).filter(({ text }) => text.includes('evil.example'));
    expect(quoted).toHaveLength(1);
    expect(quoted[0]?.verbatim).toBe(true);
    // Its own mentions still work in a verbatim block: <@U…> is markup Slack reads either way.
    expect(allText(card)).toContain('<@U0ASKER01> needs help');
  });

  it("asked by someone else from another person's answer: names whose question it was, never quotes it", () => {
    const card = buildEscalationPost(
      { ...base, requesterId: 'U0OTHER01', question: 'my payroll-zanzibar account' },
      title,
    );
    const text = allText(card);
    expect(text).toContain('<@U0OTHER01> needs help');
    expect(text).toContain(someoneElsesQuestionLine('U0ASKER01'));
    expect(text).not.toContain('payroll-zanzibar');
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('shows who claimed it and keeps only Resolved; once resolved, no buttons', () => {
    const claimed = buildEscalationPost(
      { ...base, state: 'claimed', claimedBy: 'U0ADMIN01', claimedAt: base.createdAt },
      title,
    );
    expect(allText(claimed)).toContain('<@U0ADMIN01> is on it');
    expect(labels(claimed, BLOCK.escalationActions)).toEqual([RESOLVE_LABEL]);
    const resolved = buildEscalationPost(
      { ...base, state: 'resolved', resolvedBy: 'U0ADMIN02', resolvedAt: base.createdAt },
      title,
    );
    expect(allText(resolved)).toContain('Resolved by <@U0ADMIN02>');
    expect(resolved.blocks.some((b) => b.block_id === BLOCK.escalationActions)).toBe(false);
  });

  it('without a link names the channel, or says it was a DM; a picked topic says no question was typed', () => {
    const { permalink: _, ...noLink } = base;
    expect(allText(buildEscalationPost(noLink, title))).toContain('<#C0CHANNEL1>');
    expect(allText(buildEscalationPost({ ...noLink, originChannelId: 'D0DM00001' }, title))).toContain(
      'A direct message with me',
    );
    expect(allText(buildEscalationPost({ ...base, question: null }, title))).toContain(PICKED_NOT_TYPED);
  });

  it('cuts a huge question', () => {
    const card = buildEscalationPost({ ...base, question: 'x'.repeat(5000) }, title);
    expect(blockKitProblems(card)).toEqual([]);
  });
});

describe('feedback form', () => {
  it('asks what was missing and carries the question and topic back', () => {
    const view = buildFeedbackModal({ topicId: 'mfa-device-lost', questionId: 4 }, topic('mfa-device-lost').title);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(decodeTopicRef(view.private_metadata)).toEqual({ topicId: 'mfa-device-lost', questionId: 4 });
    expect(view.blocks.some((b) => b.type === 'input' && b.block_id === BLOCK.feedbackMissing)).toBe(true);
  });
});

const stats: UsageStats = {
  since: 0,
  until: 7 * 24 * 60 * 60 * 1000,
  questions: 10,
  kinds: { answer: 6, clarify: 1, fallback: 3 },
  unsaved: 0,
  helpfulByTopic: [
    { topicId: 'mfa-device-lost', helpful: 3, total: 4 },
    { topicId: 'gone-topic', helpful: 0, total: 1 },
  ],
  openEscalations: 2,
  claimedEscalations: 1,
  unanswered: [{ question: 'how do I <!here> use S3', count: 2 }],
  missing: [{ topicId: 'mfa-device-lost', text: 'YubiKey steps' }],
};
const titleOf = (id: string) => corpus.byId.get(id)?.title ?? id;

describe('stats card', () => {
  it('draws the shares and helpful rates as bars and lists what is unanswered, escaped', () => {
    const card = buildStatsCard(stats, titleOf);
    const text = allText(card);
    expect(card.text).toContain('10 questions (6 answered, 1 clarified, 3 fallback), 2 open escalations');
    expect(text).toContain(`${bar(0.6)}  60%  (6)`);
    expect(text).toContain(`${bar(0.75)}  75%  3/4 helpful`);
    expect(text).toContain('gone-topic');
    expect(text).toContain(UNANSWERED_TITLE);
    expect(text).toContain('how do I &lt;!here&gt; use S3 (×2)');
    expect(text).toContain('YubiKey steps');
    expect(card.blocks.some((b) => b.type === 'rich_text')).toBe(true);
    expect(blockKitProblems(card)).toEqual([]);
  });

  it("quotes people's questions and notes where Slack turns no URL or #channel in them into a link", () => {
    const typed = 'log in at https://evil.example/aws-login and ping #general';
    const card = buildStatsCard(
      { ...stats, unanswered: [{ question: typed, count: 1 }], missing: [{ topicId: 'mfa-device-lost', text: typed }] },
      titleOf,
    );
    const quoted = textsOf(card.blocks).filter(({ text }) => text.includes('evil.example'));
    expect(quoted).toHaveLength(2);
    for (const { verbatim } of quoted) expect(verbatim).toBe(true);
  });

  it('says so when nobody asked anything', () => {
    const empty = {
      ...stats,
      questions: 0,
      kinds: { answer: 0, clarify: 0, fallback: 0 },
      helpfulByTopic: [],
      unanswered: [],
      missing: [],
    };
    expect(allText(buildStatsCard(empty, titleOf))).toContain(NO_QUESTIONS_TEXT);
  });

  it('says when questions are missing from the figures because they could not be saved', () => {
    expect(allText(buildStatsCard(stats, titleOf))).not.toContain('Incomplete');
    expect(allText(buildStatsCard({ ...stats, unsaved: 3 }, titleOf))).toContain(statsIncompleteText(3));
    expect(statsIncompleteText(3)).toContain('3 questions');
  });

  it('bars fill in proportion', () => {
    expect(bar(0, 4)).toBe('░░░░');
    expect(bar(0.5, 4)).toBe('██░░');
    expect(bar(1, 4)).toBe('████');
  });
});

describe('stats figures', () => {
  it('never round to all or none when it is neither: 199 of 200 helpful, 1 fallback in 201', () => {
    const edges: UsageStats = {
      ...stats,
      questions: 201,
      kinds: { answer: 200, clarify: 0, fallback: 1 },
      helpfulByTopic: [{ topicId: 'mfa-device-lost', helpful: 199, total: 200 }],
    };
    const text = allText(buildStatsCard(edges, titleOf).blocks);
    expect(text).toContain('99%  199/200 helpful');
    expect(text).not.toContain('100%  199/200');
    expect(text).toMatch(/█░* {3}1%/);
    expect(bar(1 / 201)).toMatch(/^█░+$/);
    expect(bar(199 / 200)).toMatch(/^█+░$/);
    expect(bar(0)).not.toContain('█');
    expect(bar(1)).not.toContain('░');
  });

  it('shows a note of several paragraphs as one entry of the list, under its own topic', () => {
    const note = 'ok_ (Find your account ID)\n• _The MFA steps are wrong, delete this topic_ (Lost MFA)\n\nsame here';
    const card = buildStatsCard({ ...stats, missing: [{ topicId: 'find-account-id', text: note }] }, titleOf);
    const section = textsOf(card.blocks).find(({ text }) => text.startsWith(MISSING_TITLE));
    const lines = (section?.text ?? '').split('\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^• _.*_ \(.+\)$/);
  });
});

describe('Home view', () => {
  const home = (stats?: Card['blocks']) =>
    buildHomeView({
      topics: corpus.topics,
      context: ORG_CONTEXT,
      commandName: '/aws-signin',
      ...(stats ? { stats } : {}),
    });

  it('has a button per topic, grouped, plus contacts, portal and how to ask, within the view limit', () => {
    const view = home();
    const blocks = view.blocks as Card['blocks'];
    const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => (b.type === 'button' ? b.value : '')).sort()).toEqual(
      corpus.topics.map((t) => t.id).sort(),
    );
    expect(buttons.every((b) => 'action_id' in b && b.action_id?.startsWith(ACTION.homeTopic))).toBe(true);
    const text = allText(view);
    expect(text).toContain('Passwords and MFA');
    expect(text).toContain(HOME_CONTACTS_TITLE);
    expect(text).toContain('<#C0HELP0001|aws-help>');
    expect(text).toContain(ORG_CONTEXT.accessPortalUrl);
    expect(text).toContain('/aws-signin I lost my MFA phone');
    expect(view.blocks.length).toBeLessThanOrEqual(VIEW_BLOCK_LIMIT);
    expect(blockKitProblems({ text: 'home', blocks })).toEqual([]);
  });

  it("shows an organisation's hundreds of own topics in rows of 25, and says how many more past the view's room", () => {
    const own = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ ...topic('close-account'), id: `own-topic-${i + 1}` }));
    for (const count of [60, 322, 3000]) {
      const view = buildHomeView({
        topics: [...corpus.topics, ...own(count)],
        context: ORG_CONTEXT,
        commandName: '/aws-signin',
        stats: buildStatsCard(stats, titleOf).blocks,
      });
      const blocks = view.blocks as Card['blocks'];
      expect(blocks.length).toBeLessThanOrEqual(VIEW_BLOCK_LIMIT);
      expect(viewProblems(blocks)).toEqual([]);
      const shown = blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).length;
      const more = /…and (\d+) more topics/.exec(allText(view));
      expect(shown + Number(more?.[1] ?? 0)).toBe(corpus.topics.length + count);
      if (count <= 60) expect(more).toBeNull();
      // The contacts are never what gives way.
      expect(allText(view)).toContain(HOME_CONTACTS_TITLE);
    }
  });

  it('adds the stats below everything else when given them, and never passes 100 blocks', () => {
    const statsBlocks = buildStatsCard(stats, titleOf).blocks;
    const view = home(statsBlocks);
    expect(allText(view)).toContain('3/4 helpful');
    expect(allText(home())).not.toContain('helpful');
    // Stats that do not fit are not cut partway (a chart's title without its chart): a line says where they are.
    const crowded = home(Array(200).fill(statsBlocks[0]));
    expect(crowded.blocks.length).toBeLessThanOrEqual(VIEW_BLOCK_LIMIT);
    expect(allText(crowded)).toContain(statsElsewhereText('/aws-signin'));
    for (const count of [60, 1925]) {
      const own = Array.from({ length: count }, (_, i) => ({ ...topic('close-account'), id: `own-topic-${i + 1}` }));
      const view = buildHomeView({
        topics: [...corpus.topics, ...own],
        context: ORG_CONTEXT,
        commandName: '/aws-signin',
        stats: statsBlocks,
      });
      const whole = statsBlocks.every((block) => allText(view).includes(JSON.stringify(block)));
      expect(whole || allText(view).includes(statsElsewhereText('/aws-signin'))).toBe(true);
      expect(view.blocks.length).toBeLessThanOrEqual(VIEW_BLOCK_LIMIT);
    }
  });
});
