import { createAnswerPath } from '../../src/answer/create-answer-path';
import { corpusToMrkdwn } from '../../src/cards/blocks';
import {
  buildAnswerCard,
  FOR_KIND_LINE,
  NOT_KIND_LABEL,
  SHARE_LABEL,
  STEPS_TITLE,
  STILL_STUCK_LABEL,
  WHO_CAN_HELP_TITLE,
} from '../../src/cards/build-answer-card';
import { buildClarifyCard, CLARIFY_PROMPT, NONE_OF_THESE } from '../../src/cards/build-clarify-card';
import {
  buildFallbackCard,
  buildTopicMenuCard,
  FALLBACK_TEXT,
  NEAREST_TEXT,
} from '../../src/cards/build-fallback-card';
import { buildFeedbackThanksView } from '../../src/cards/build-feedback-modal';
import { buildHelpCard, HELP_TITLE } from '../../src/cards/build-help-card';
import { buildSecretWarningCard } from '../../src/cards/build-secret-warning-card';
import { ACTION, BLOCK, decodeTopicRef, encodeTopicRef } from '../../src/cards/ids';
import { topicMenuBlock } from '../../src/cards/topic-menu';
import type { Card } from '../../src/cards/types';
import type { Topic } from '../../src/knowledge/schema';
import { blockKitProblems } from '../helpers/block-kit';
import { ORG_CONTEXT, realAnswerPath } from '../helpers/corpus';

const { corpus, answerer } = realAnswerPath();
const topic = (id: string): Topic => corpus.byId.get(id) as Topic;
const allText = (card: Card): string => JSON.stringify(card.blocks);
const buttons = (card: Card, blockId: string) => {
  const block = card.blocks.find((b) => b.block_id === blockId);
  return block?.type === 'actions' ? block.elements.filter((e) => e.type === 'button') : [];
};

describe('answer card', () => {
  it.each(corpus.topics.map((t) => [t.id]))('%s stays inside Block Kit limits, privately and shared', (id) => {
    for (const shareable of [true, false]) {
      const card = answerer.topicCard({ topicId: id }, { shareable }) as Card;
      expect(blockKitProblems(card)).toEqual([]);
    }
    for (const choice of topic(id).user_kinds ?? []) {
      expect(blockKitProblems(answerer.topicCard({ topicId: id, kind: choice.kind }) as Card)).toEqual([]);
    }
  });

  it('shows the title, numbered steps, who can help with the configured contact, and sources', () => {
    const card = answerer.topicCard({ topicId: 'iam-password-reset' }) as Card;
    const header = card.blocks[0];
    expect(header?.type === 'header' && header.text.text).toBe(topic('iam-password-reset').title);
    const text = allText(card);
    expect(text).toContain(STEPS_TITLE);
    expect(text).toContain('1. ');
    expect(text).toContain(WHO_CAN_HELP_TITLE);
    expect(text).toContain('*Your administrator* (<#C0HELP0001|aws-help>)');
    expect(text).toMatch(/Sources: <https:\/\/docs\.aws\.amazon\.com\//);
    expect(card.text).toContain(topic('iam-password-reset').title);
  });

  it('turns Markdown links in steps into Slack links', () => {
    const card = buildAnswerCard(
      {
        ...topic('close-account'),
        steps: [
          { text: 'See [Closing an Account](https://docs.aws.amazon.com/x.html) & <b>', sources: [], ours: false },
        ],
      },
      { context: {}, related: [] },
    );
    expect(allText(card)).toContain('1. See <https://docs.aws.amazon.com/x.html|Closing an Account> &amp; &lt;b&gt;');
  });

  it('offers related topics, Still stuck? and, for private answers, Share in channel', () => {
    const shareable = answerer.topicCard({ topicId: 'mfa-device-lost' }, { shareable: true }) as Card;
    const labels = buttons(shareable, BLOCK.followUps).map((b) => b.text.text);
    expect(labels).toContain(STILL_STUCK_LABEL);
    expect(labels).toContain(SHARE_LABEL);
    for (const id of topic('mfa-device-lost').related) expect(labels).toContain(topic(id).title);
    const shared = answerer.topicCard({ topicId: 'mfa-device-lost' }, { shareable: false }) as Card;
    expect(buttons(shared, BLOCK.followUps).map((b) => b.text.text)).not.toContain(SHARE_LABEL);
  });

  it('offers a button per kind of user on topics that depend on who you are', () => {
    const card = answerer.topicCard({ topicId: 'mfa-device-lost' }) as Card;
    const kinds = buttons(card, BLOCK.userKinds);
    expect(kinds.map((b) => decodeTopicRef(b.value)?.kind).sort()).toEqual(['iam', 'root']);
    expect(kinds.every((b) => b.action_id?.startsWith(ACTION.userKind))).toBe(true);
  });

  it("shows one kind of user's own steps and escalation when picked, and one quiet way back to the others", () => {
    const card = answerer.topicCard({ topicId: 'mfa-device-lost', kind: 'iam' }) as Card;
    expect(allText(card)).toContain(FOR_KIND_LINE.iam);
    expect(allText(card)).toContain('*Your administrator*');
    expect(allText(card)).not.toContain('*AWS Support*:');
    const back = buttons(card, BLOCK.userKinds);
    expect(back.map((b) => b.text.text)).toEqual([NOT_KIND_LABEL.iam]);
    expect(back[0]?.style).toBeUndefined();
    expect(decodeTopicRef(back[0]?.value)).toEqual({ topicId: 'mfa-device-lost' });
  });

  it('keeps the label in the title for a variant that is not a kind of user (already signed in)', () => {
    const card = answerer.topicCard({ topicId: 'find-account-id', kind: 'anyone' }) as Card;
    const anyone = topic('find-account-id').user_kinds?.find((c) => c.kind === 'anyone');
    expect(card.blocks[0]?.type === 'header' && card.blocks[0].text.text).toContain(anyone?.label);
    expect(buttons(card, BLOCK.userKinds).map((b) => decodeTopicRef(b.value)?.kind)).toEqual([
      'iam',
      'identity-center',
      'root',
    ]);
  });

  it("shows the organisation's access portal on portal topics only", () => {
    expect(allText(answerer.topicCard({ topicId: 'access-portal-credentials' }) as Card)).toContain(
      ORG_CONTEXT.accessPortalUrl,
    );
    expect(allText(answerer.topicCard({ topicId: 'close-account' }) as Card)).not.toContain('awsapps.com/start>');
  });

  it('keeps a huge topic inside the limits', () => {
    const long = 'word '.repeat(119);
    const huge = {
      ...topic('mfa-device-lost'),
      title: 'T'.repeat(140),
      steps: Array.from({ length: 12 }, (_, index) => ({ text: long, sources: [], ours: index % 2 === 0 })),
      summary: 'S'.repeat(300),
    };
    expect(blockKitProblems(buildAnswerCard(huge, { context: ORG_CONTEXT, related: [], shareable: true }))).toEqual([]);
  });

  it('cuts steps that escape past a section outside an entity or a link, so nothing shows half-made', () => {
    // 600 ampersands are 3,000 characters escaped: more than a section holds.
    const steps = [{ text: '&'.repeat(600), sources: [], ours: true }];
    const card = buildAnswerCard({ ...topic('close-account'), steps }, { context: ORG_CONTEXT, related: [] });
    for (const block of card.blocks) {
      if (block.type !== 'section' || !block.text) continue;
      expect(block.text.text).not.toMatch(/&[a-z]{0,4}…$/);
      expect(block.text.text.lastIndexOf('<')).toBeLessThanOrEqual(block.text.text.lastIndexOf('>'));
    }
    expect(blockKitProblems(card)).toEqual([]);
  });
});

describe('clarify card', () => {
  const candidates = ['root-password-reset', 'iam-password-reset', 'identity-center-password-reset'].map(topic);

  it('asks which topic, with one button per candidate', () => {
    const card = buildClarifyCard(candidates, 'forgot my password');
    expect(allText(card)).toContain(CLARIFY_PROMPT);
    expect(buttons(card, BLOCK.choices).map((b) => b.value)).toEqual(candidates.map((t) => t.id));
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('ends with every topic in a menu, for when none of the candidates is it', () => {
    const card = buildClarifyCard(candidates, 'forgot my password', 7, { allTopics: corpus.topics });
    expect(allText(card)).toContain(NONE_OF_THESE);
    const menu = card.blocks.find((b) => b.block_id === BLOCK.topicMenu);
    const select = menu?.type === 'actions' ? menu.elements[0] : undefined;
    const values =
      select?.type === 'static_select'
        ? (select.option_groups ?? []).flatMap((g) => g.options.map((o) => o.value))
        : [];
    expect(values).toHaveLength(corpus.topics.length);
    expect(values).toContain(encodeTopicRef({ topicId: 'mfa-device-lost', questionId: 7 }));
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('quotes the question escaped, so markup cannot ping or link', () => {
    const card = buildClarifyCard(candidates, '<!channel> forgot @here <https://evil.example|pw>');
    expect(blockKitProblems(card)).toEqual([]);
    expect(allText(card)).toContain('&lt;!channel&gt;');
    expect(allText(card)).not.toMatch(/<https:\/\/evil/);
  });
});

describe("the topic menu with an organisation's hundreds of own topics", () => {
  it('offers every topic, in groups of at most 100, the long group continued under its own label', () => {
    const own = Array.from({ length: 322 }, (_, i) => ({ ...topic('close-account'), id: `own-topic-${i + 1}` }));
    const block = topicMenuBlock([...corpus.topics, ...own], { questionId: 7 });
    const select = block.elements[0];
    if (select?.type !== 'static_select') throw new Error('expected a static select');
    const groups = select.option_groups ?? [];
    expect(groups.length).toBeLessThanOrEqual(100);
    for (const group of groups) expect(group.options.length).toBeLessThanOrEqual(100);
    expect(groups.flatMap((group) => group.options)).toHaveLength(corpus.topics.length + own.length);
    expect(groups.map((group) => group.label.text)).toContain('Other (continued)');
  });
});

describe('fallback and menu cards', () => {
  it('says it does not know, and offers every topic and the contacts', () => {
    const card = buildFallbackCard(corpus.topics, ORG_CONTEXT, 'how do I create an S3 bucket');
    expect(card.text).toContain(FALLBACK_TEXT);
    const menu = card.blocks.find((b) => b.block_id === BLOCK.topicMenu);
    const select = menu?.type === 'actions' ? menu.elements[0] : undefined;
    const values =
      select?.type === 'static_select'
        ? (select.option_groups ?? []).flatMap((g) => g.options.map((o) => o.value))
        : [];
    expect(values.sort()).toEqual(corpus.topics.map((t) => t.id).sort());
    expect(allText(card)).toContain('<#C0HELP0001|aws-help>');
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('with nearest topics, says it is not sure and offers them first, one button each, then the menu', () => {
    const nearest = [topic('mfa-device-lost'), topic('verification-code')];
    const card = buildFallbackCard(corpus.topics, ORG_CONTEXT, 'a long story about a new laptop', 42, {
      nearest,
      kind: 'root',
    });
    expect(card.text).toContain(NEAREST_TEXT);
    expect(card.text).toContain(topic('mfa-device-lost').title);
    expect(card.text).not.toContain(FALLBACK_TEXT);
    const choices = buttons(card, BLOCK.choices);
    expect(choices.map((b) => b.text.text)).toEqual(nearest.map((t) => t.title));
    // The topic opened answers the question asked, on the steps of the kind of user it named.
    expect(choices.map((b) => decodeTopicRef(b.value ?? ''))).toEqual([
      { topicId: 'mfa-device-lost', kind: 'root', questionId: 42 },
      { topicId: 'verification-code', kind: 'root', questionId: 42 },
    ]);
    const order = card.blocks.map((b) => b.block_id);
    expect(order.indexOf(BLOCK.choices)).toBeLessThan(order.indexOf(BLOCK.topicMenu));
    expect(allText(card)).toContain('<#C0HELP0001|aws-help>');
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('escapes the titles of nearest topics in its fallback text (buttons are plain text: Slack never parses them)', () => {
    const odd = { ...topic('mfa-device-lost'), title: '<!channel> lost *MFA*' };
    const card = buildFallbackCard(corpus.topics, {}, 'q', undefined, { nearest: [odd] });
    expect(card.text).not.toContain('<!channel>');
    expect(card.text).toContain('&lt;!channel&gt;');
  });

  it('cuts a very long question it quotes', () => {
    const card = buildFallbackCard(corpus.topics, {}, 'x'.repeat(6000));
    expect(blockKitProblems(card)).toEqual([]);
    expect(allText(card).length).toBeLessThan(6000);
  });

  it('the menu card offers the same menu without an apology', () => {
    const card = buildTopicMenuCard(corpus.topics, {});
    expect(card.text).not.toContain(FALLBACK_TEXT);
    expect(card.blocks.some((b) => b.block_id === BLOCK.topicMenu)).toBe(true);
  });
});

describe('help, still stuck and secret warning cards', () => {
  it('help explains the command, mentions and DMs', () => {
    const card = buildHelpCard('/aws-signin');
    expect(card.text).toContain(HELP_TITLE);
    expect(allText(card)).toContain('/aws-signin I lost my MFA phone');
    expect(blockKitProblems(card)).toEqual([]);
  });

  it('still stuck lists the escalation path in order, and links the AWS Support topic', () => {
    const card = answerer.stillStuckCard({ topicId: 'root-password-reset' }) as Card;
    expect(blockKitProblems(card)).toEqual([]);
    const order = topic('root-password-reset').escalation.map((e) => e.contact);
    expect(order).toContain('aws-support');
    expect(buttons(card, BLOCK.followUps).map((b) => b.value)).toEqual(['contact-aws-support']);
  });

  it('still stuck for an IAM password names the administrator, not AWS Support', () => {
    const card = answerer.stillStuckCard({ topicId: 'iam-password-reset' }) as Card;
    expect(allText(card)).toContain('*Your administrator*');
    expect(buttons(card, BLOCK.followUps)).toEqual([]);
  });

  it('still stuck names who to go to next, not "You" again, and offers Ask my administrator where it can help', () => {
    const withChannel = createAnswerPath({ ...ORG_CONTEXT, escalationChannel: 'C0ESCALATE' }).answerer;
    const card = withChannel.stillStuckCard({ topicId: 'mfa-device-lost', kind: 'iam', questionId: 7 }) as Card;
    expect(allText(card)).toContain('*Your administrator*');
    expect(allText(card)).not.toContain('*You*');
    expect(buttons(card, BLOCK.escalate).map((b) => decodeTopicRef(b.value)?.questionId)).toEqual([7]);
    expect(blockKitProblems(card)).toEqual([]);
    // Without an escalation channel, or for a topic only AWS Support takes on, there is no such button.
    expect(
      buttons(answerer.stillStuckCard({ topicId: 'iam-password-reset', questionId: 7 }) as Card, BLOCK.escalate),
    ).toEqual([]);
  });

  it('the secret warning names what to rotate and never the secret', () => {
    const card = buildSecretWarningCard(['access-key-id', 'password']);
    expect(card.text).toMatch(/delete your message/);
    expect(card.text).toMatch(/rotate that access key/);
    expect(card.text).toMatch(/change that password/);
  });
});

describe('links written in knowledge text', () => {
  it('keep an address with parentheses whole (a wiki page), and read HTTPS in capitals as a link', () => {
    expect(corpusToMrkdwn('See [the page](https://wiki.example.com/Sign_in_(AWS)) first.')).toBe(
      'See <https://wiki.example.com/Sign_in_(AWS)|the page> first.',
    );
    expect(corpusToMrkdwn('See [status](HTTPS://status.example.com).')).toBe(
      'See <HTTPS://status.example.com|status>.',
    );
  });
});

describe('the thank-you after "What was missing?"', () => {
  it('does not speak of "the question you asked": the note may be on a shared answer, or a topic picked from a list', () => {
    const thanks = JSON.stringify(buildFeedbackThanksView([]).blocks);
    expect(thanks).not.toContain('question you asked');
    expect(thanks).toContain('with the answer it is about');
  });
});

describe("a card's notification text", () => {
  it('names who can help as a sentence: "You, then your administrator", not "then Your administrator"', () => {
    const card = answerer.topicCard({ topicId: 'mfa-device-lost' }) as Card;
    expect(card.text).toMatch(/You, then your administrator/);
    expect(card.text).not.toMatch(/then Your administrator/);
  });
});
