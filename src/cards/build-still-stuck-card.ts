// "Still stuck?": the whole escalation path for a topic, in order, with what to have ready.
import type { Topic } from '../knowledge/schema';
import { escapeMrkdwn } from '../text/slack-text';
import { actions, button, header, section, sections } from './blocks';
import { ASK_ADMINISTRATOR_LABEL } from './build-answer-card';
import { ACTION, BLOCK, encodeTopicRef, positional, type TopicRef } from './ids';
import type { Card, CardContext } from './types';
import { whoCanHelpLines, whoCanHelpPlain } from './who-can-help';

export const STILL_STUCK_INTRO = 'If the steps did not work, go to these people, in this order:';
export const CONTACT_SUPPORT_TOPIC = 'contact-aws-support';

/**
 * `answering`: the kind of user, question and person of the card "Still stuck?" was pressed on, carried
 * by the AWS Support button as by every other (a root user's next card opens on its root steps too).
 */
export function buildStillStuckCard(
  topic: Topic,
  escalation: Topic['escalation'],
  cardContext: CardContext,
  contactSupportTopic?: Topic,
  answering: Omit<TopicRef, 'topicId'> = {},
): Card {
  // The steps were the person's own part: whom to go to next is everyone else (unless nobody else is named).
  const others = escalation.filter((step) => step.contact !== 'self');
  const next = others.length > 0 ? others : escalation;
  const blocks: Card['blocks'] = [
    header(`Still stuck: ${topic.title}`),
    ...sections(STILL_STUCK_INTRO, whoCanHelpLines(next, cardContext), BLOCK.whoCanHelp),
  ];
  if (
    next.some((step) => step.contact === 'administrator') &&
    cardContext.escalationChannel &&
    answering.questionId !== undefined
  ) {
    const value = encodeTopicRef({ ...answering, topicId: topic.id });
    blocks.push(
      actions(BLOCK.escalate, [button({ actionId: ACTION.askAdministrator, label: ASK_ADMINISTRATOR_LABEL, value })]),
    );
  }
  const needsSupport = next.some((step) => step.contact === 'aws-support');
  if (needsSupport && contactSupportTopic && contactSupportTopic.id !== topic.id) {
    blocks.push(
      actions(BLOCK.followUps, [
        button({
          actionId: positional(ACTION.openTopic, 0),
          label: contactSupportTopic.title,
          value: encodeTopicRef({ ...answering, topicId: contactSupportTopic.id }),
        }),
      ]),
    );
  }
  if (!next.some((step) => step.contact === 'administrator') && cardContext.adminContact) {
    blocks.push(section(`Questions about your organisation's AWS setup: ${cardContext.adminContact}`));
  }
  return {
    text: `Still stuck with "${escapeMrkdwn(topic.title)}"? Who can help: ${whoCanHelpPlain(next, cardContext)}.`,
    blocks,
  };
}
