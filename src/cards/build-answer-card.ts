// The answer card: a topic's steps, who can help, its sources, and the follow-up buttons.
import type { Topic, UserKindChoice } from '../knowledge/schema';
import {
  actions,
  button,
  context,
  corpusToMrkdwn,
  divider,
  header,
  section,
  sections,
  withinBlockLimit,
} from './blocks';
import { ACTION, BLOCK, encodeTopicRef, positional } from './ids';
import type { Block, Card, CardContext } from './types';
import { whoCanHelpLines, whoCanHelpPlain } from './who-can-help';

export const STILL_STUCK_LABEL = 'Still stuck?';
export const SHARE_LABEL = 'Share in channel';
export const STEPS_TITLE = '*What to do*';
export const WHO_CAN_HELP_TITLE = '*Who can help*';

export interface AnswerCardOptions {
  context: CardContext;
  /** Related topics, resolved by the caller (card builders never look things up). */
  related: readonly Topic[];
  /** The variant for one kind of user, when the person picked one. */
  userKind?: UserKindChoice;
  /** Offer "Share in channel" (private replies only). */
  shareable?: boolean;
  /** Extra blocks a caller adds under the answer (feedback, escalation), before the follow-ups. */
  extraBlocks?: Block[];
}

/** Topics about the access portal show the organisation's own portal link, when one is configured. */
const PORTAL_TOPICS = new Set(['access-portal-credentials', 'identity-center-password-reset', 'wrong-signin-page']);

export function buildAnswerCard(topic: Topic, options: AnswerCardOptions): Card {
  const { userKind } = options;
  const steps = userKind?.steps ?? topic.steps;
  const escalation = userKind?.escalation ?? topic.escalation;
  const title = userKind ? `${topic.title} (${userKind.label})` : topic.title;

  const blocks: Block[] = [header(title), section(corpusToMrkdwn(topic.summary))];
  blocks.push(
    ...sections(
      STEPS_TITLE,
      steps.map((step, index) => `${index + 1}. ${corpusToMrkdwn(step)}`),
      BLOCK.steps,
    ),
  );
  if (options.context.accessPortalUrl && PORTAL_TOPICS.has(topic.id)) {
    blocks.push(section(`:link: Our organisation's AWS access portal: <${options.context.accessPortalUrl}>`));
  }
  blocks.push(
    divider(),
    ...sections(WHO_CAN_HELP_TITLE, whoCanHelpLines(escalation, options.context), BLOCK.whoCanHelp),
  );
  blocks.push(
    context([`Sources: ${topic.links.map((link) => `<${link.url}|${corpusToMrkdwn(link.title)}>`).join(' · ')}`]),
  );
  blocks.push(...(options.extraBlocks ?? []));

  const kinds = (topic.user_kinds ?? []).filter((choice) => choice.kind !== userKind?.kind);
  if (kinds.length > 0) {
    blocks.push(
      actions(
        BLOCK.userKinds,
        kinds.map((choice, index) =>
          button({
            actionId: positional(ACTION.userKind, index),
            label: choice.label,
            value: encodeTopicRef({ topicId: topic.id, kind: choice.kind }),
          }),
        ),
      ),
    );
  }
  blocks.push(actions(BLOCK.followUps, followUpButtons(topic, options)));

  return {
    text: `${title}: ${topic.summary} Who can help: ${whoCanHelpPlain(escalation, options.context)}.`,
    blocks: withinBlockLimit(blocks),
  };
}

function followUpButtons(topic: Topic, options: AnswerCardOptions) {
  const related = options.related.map((other, index) =>
    button({ actionId: positional(ACTION.openTopic, index), label: other.title, value: other.id }),
  );
  const shown = encodeTopicRef({ topicId: topic.id, kind: options.userKind?.kind });
  const stillStuck = button({ actionId: ACTION.stillStuck, label: STILL_STUCK_LABEL, value: shown });
  const share = options.shareable
    ? [button({ actionId: ACTION.shareInChannel, label: SHARE_LABEL, value: shown, style: 'primary' })]
    : [];
  return [...related, stillStuck, ...share];
}
