// The answer card: a topic's steps, who can help, its sources, and the follow-up buttons. Every step
// comes from a cited section of an AWS page, except advice of our own, which the card marks as ours.
import { type AskerKind, isAskerKind, type Step, type Topic, type UserKindChoice } from '../knowledge/schema';
import { escapeMrkdwn } from '../text/slack-text';
import {
  actions,
  context as blockContext,
  button,
  corpusToMrkdwn,
  divider,
  header,
  section,
  sections,
  slackLink,
  withinBlockLimit,
} from './blocks';
import { ACTION, BLOCK, encodeTopicRef, positional, type TopicRef } from './ids';
import type { Block, Card, CardContext } from './types';
import { OUR_ADVICE_MARK, whoCanHelpLines, whoCanHelpPlain } from './who-can-help';

export const STILL_STUCK_LABEL = 'Still stuck?';
export const SHARE_LABEL = 'Share in channel';
export const STEPS_TITLE = '*What to do*';
export const WHO_CAN_HELP_TITLE = '*Who can help*';
export const ASK_ADMINISTRATOR_LABEL = 'Ask my administrator';
export const CONTACT_AWS_SUPPORT_LABEL = 'Contact AWS Support';
export const FEEDBACK_PROMPT = 'Did this answer help?';
export const HELPFUL_LABEL = 'Helpful';
export const NOT_HELPFUL_LABEL = 'Not helpful';
export const SOURCES_LABEL = 'Sources:';
export const SEE_ALSO_LABEL = 'See also:';

/** Whom a card opened on one kind's steps is for, in one line, and the quiet way to the others. */
export const FOR_KIND_LINE: Record<AskerKind, string> = {
  root: 'For the root user',
  iam: 'For an IAM user',
  'identity-center': 'For an access portal (IAM Identity Center) user',
  federated: 'For a federated user (signing in through your company)',
};
export const NOT_KIND_LABEL: Record<AskerKind, string> = {
  root: 'Not the root user?',
  iam: 'Not an IAM user?',
  'identity-center': 'Not an access portal user?',
  federated: 'Not signing in through your company?',
};

/** A card for one kind of user: whom it says it is for, and where "Not the root user?" leads. */
export interface ForKind {
  kind: AskerKind;
  /** The topic whose card for everyone shows the other kinds (the one asked about, when this card was redirected). */
  othersTopicId: string;
}

export interface AnswerCardOptions {
  context: CardContext;
  /** Related topics, resolved by the caller (card builders never look things up). */
  related: readonly Topic[];
  /** The variant for one kind of user (its steps and escalation), picked or named in the question. */
  userKind?: UserKindChoice;
  /** The card is one kind's own: it says so in one line and offers "Not the root user?" instead of the kinds. */
  forKind?: ForKind;
  /** The kind the person said they are: every button carries it, so the next card opens on its steps too. */
  askerKind?: AskerKind;
  /** Offer "Share in channel" (private replies only). */
  shareable?: boolean;
  /**
   * The stored question this card answers. Its buttons carry it, and only with it does the card offer
   * feedback and "Ask my administrator" (the offline command line stores nothing, so shows neither).
   */
  questionId?: number;
  /** The person the card answers (their user id): its buttons carry it, so a click by anyone else gets a card of their own. */
  askerId?: string;
}

/** Topics about the access portal show the organisation's own portal link, when one is configured. */
const PORTAL_TOPICS = new Set(['access-portal-credentials', 'identity-center-password-reset', 'wrong-signin-page']);

export function buildAnswerCard(topic: Topic, options: AnswerCardOptions): Card {
  const { userKind, forKind } = options;
  const escalation = userKind?.escalation ?? topic.escalation;
  const { head, text } = topicText(topic, userKind, forKind?.kind, options.context);
  const blocks: Block[] = [...head];
  // Related topics open on the asker's kind; a variant for anyone ("already signed in") is this topic's own.
  const carried = options.askerKind ?? forKind?.kind ?? (isAskerKind(userKind?.kind) ? userKind?.kind : undefined);
  const answering = { questionId: options.questionId, askerId: options.askerId };
  const shown: TopicRef = { topicId: topic.id, kind: userKind?.kind ?? carried, ...answering };
  const escalate = escalateButtons(escalation, shown, options.context);
  if (escalate.length > 0) blocks.push(actions(BLOCK.escalate, escalate));

  if (forKind) {
    blocks.push(
      actions(BLOCK.userKinds, [
        button({
          actionId: ACTION.otherUserKinds,
          label: NOT_KIND_LABEL[forKind.kind],
          value: encodeTopicRef({ topicId: forKind.othersTopicId, ...answering }),
        }),
      ]),
    );
  } else {
    const kinds = (topic.user_kinds ?? []).filter((choice) => choice.kind !== userKind?.kind);
    if (kinds.length > 0) {
      blocks.push(
        actions(
          BLOCK.userKinds,
          kinds.map((choice, index) =>
            button({
              actionId: positional(ACTION.userKind, index),
              label: choice.label,
              value: encodeTopicRef({ topicId: topic.id, kind: choice.kind, ...answering }),
            }),
          ),
        ),
      );
    }
  }
  blocks.push(actions(BLOCK.followUps, followUpButtons(shown, carried, options)));
  if (options.questionId !== undefined) blocks.push(...feedbackBlocks(shown));

  return { text, blocks: withinBlockLimit(blocks) };
}

interface TopicText {
  context: CardContext;
  /** Header, summary, steps, who can help and sources: the blocks that carry no ids. */
  head: readonly Block[];
  text: string;
}

/**
 * The part of a topic's card that is the same for every question, built once per topic, kind of user
 * and organisation settings (the corpus does not change while the app runs) and frozen, so cards can
 * share it. Every answer card starts with it.
 */
const topicTexts = new WeakMap<Topic, Map<string, TopicText>>();

function topicText(
  topic: Topic,
  userKind: UserKindChoice | undefined,
  forKind: AskerKind | undefined,
  context: CardContext,
): TopicText {
  let byKind = topicTexts.get(topic);
  if (!byKind) {
    byKind = new Map<string, TopicText>();
    topicTexts.set(topic, byKind);
  }
  // The card for everyone and the picked variants keep their old keys (no string built per card).
  const key = forKind ? `${userKind?.kind ?? ''}|${forKind}` : (userKind?.kind ?? '');
  const cached = byKind.get(key);
  if (cached?.context === context) return cached;

  const steps = userKind?.steps ?? topic.steps;
  const escalation = userKind?.escalation ?? topic.escalation;
  // A kind's own card says whom it is for on a line of its own; a picked variant for anyone (already
  // signed in, Amazon.com) keeps its label in the title.
  const title = userKind && !forKind ? `${topic.title} (${userKind.label})` : topic.title;
  const head: Block[] = [header(title)];
  if (forKind) head.push(blockContext([`*${FOR_KIND_LINE[forKind]}*`]));
  head.push(section(corpusToMrkdwn(topic.summary)));
  head.push(
    ...sections(
      STEPS_TITLE,
      steps.map((step, index) => `${index + 1}. ${stepLine(step)}`),
      BLOCK.steps,
    ),
  );
  if (context.accessPortalUrl && PORTAL_TOPICS.has(topic.id)) head.push(section(portalLine(context.accessPortalUrl)));
  head.push(divider(), ...sections(WHO_CAN_HELP_TITLE, whoCanHelpLines(escalation, context), BLOCK.whoCanHelp));
  head.push(blockContext(sourceLines(topic, [...steps, ...escalation])));
  const forWhom = forKind ? ` ${FOR_KIND_LINE[forKind]}.` : '';
  const built: TopicText = {
    context,
    head: deepFreeze(head),
    // Notifications render `text` as mrkdwn too: corpus text is escaped here as in the blocks.
    text: `${escapeMrkdwn(title)}:${forWhom} ${escapeMrkdwn(topic.summary)} Who can help: ${whoCanHelpPlain(escalation, context)}.`,
  };
  byKind.set(key, built);
  return built;
}

const stepLine = (step: Step): string =>
  step.ours ? `${corpusToMrkdwn(step.text)} ${OUR_ADVICE_MARK}` : corpusToMrkdwn(step.text);

/**
 * The sections the steps and reasons shown cite (page: heading, linked to the section), then the topic's
 * other links. Only those shown: a root user's card does not list the section on IAM users' devices.
 */
function sourceLines(topic: Topic, shown: ReadonlyArray<{ sources: readonly string[] }>): string[] {
  const link = (url: string, label: string) => slackLink(url, label);
  const shownRefs = new Set(shown.flatMap((item) => item.sources));
  const shownCited = topic.cited.filter((citation) => shownRefs.has(citation.ref));
  const cited = shownCited.map((citation) => link(citation.url, `${citation.pageTitle}: ${citation.heading}`));
  const citedPages = new Set(shownCited.map((citation) => citation.url.replace(/#.*$/, '')));
  const others = topic.links
    .filter((other) => !citedPages.has(other.url) && !shownCited.some((citation) => citation.url === other.url))
    .map((other) => link(other.url, other.title));
  const lines = cited.length > 0 ? [`${SOURCES_LABEL} ${cited.join(' · ')}`] : [];
  if (others.length > 0) lines.push(`${cited.length > 0 ? SEE_ALSO_LABEL : SOURCES_LABEL} ${others.join(' · ')}`);
  return lines;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

/** Shown on portal topics when the organisation configured its portal link; the Home tab shows it too. */
export const portalLine = (url: string): string => `:link: Our organisation's AWS access portal: <${url}>`;

function followUpButtons(shown: TopicRef, carried: AskerKind | undefined, options: AnswerCardOptions) {
  const related = options.related.map((other, index) =>
    button({
      actionId: positional(ACTION.openTopic, index),
      label: other.title,
      value: encodeTopicRef({ ...shown, topicId: other.id, kind: carried }),
    }),
  );
  const value = encodeTopicRef(shown);
  const stillStuck = button({ actionId: ACTION.stillStuck, label: STILL_STUCK_LABEL, value });
  const share = options.shareable
    ? [button({ actionId: ACTION.shareInChannel, label: SHARE_LABEL, value, style: 'primary' })]
    : [];
  return [...related, stillStuck, ...share];
}

/**
 * The human next steps the escalation path names: "Ask my administrator" when the administrator is on it
 * and an escalation channel is set up (otherwise "Who can help" already names ADMIN_CONTACT), and
 * "Contact AWS Support" when AWS Support is on it.
 */
function escalateButtons(escalation: Topic['escalation'], shown: TopicRef, context: CardContext) {
  const contacts = new Set(escalation.map((step) => step.contact));
  const value = encodeTopicRef(shown);
  const buttons = [];
  if (contacts.has('administrator') && context.escalationChannel && shown.questionId !== undefined) {
    buttons.push(button({ actionId: ACTION.askAdministrator, label: ASK_ADMINISTRATOR_LABEL, value }));
  }
  if (contacts.has('aws-support')) {
    buttons.push(button({ actionId: ACTION.contactAwsSupport, label: CONTACT_AWS_SUPPORT_LABEL, value }));
  }
  return buttons;
}

function feedbackBlocks(shown: TopicRef): Block[] {
  const value = encodeTopicRef(shown);
  return [
    blockContext([FEEDBACK_PROMPT]),
    actions(BLOCK.feedback, [
      button({ actionId: ACTION.feedbackHelpful, label: `:+1: ${HELPFUL_LABEL}`, value }),
      button({ actionId: ACTION.feedbackNotHelpful, label: `:-1: ${NOT_HELPFUL_LABEL}`, value }),
    ]),
  ];
}
