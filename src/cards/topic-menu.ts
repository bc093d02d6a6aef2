// Ways to pick a topic on a card: the menu of every topic, grouped by kind of problem, and a row of topic buttons.
import type { types } from '@slack/bolt';
import type { AskerKind, Topic } from '../knowledge/schema';
import { truncate } from '../text/slack-text';
import { actions, button } from './blocks';
import { ACTION, type Answering, BLOCK, encodeTopicRef, positional } from './ids';
import { LIMITS } from './limits';

export const TOPIC_MENU_PLACEHOLDER = 'Pick what you are stuck on';

/** Kinds of problem, in the order a locked-out person thinks of them. Unknown topics go under "Other". */
export const TOPIC_GROUPS: ReadonlyArray<{ label: string; ids: readonly string[] }> = [
  {
    label: 'Signing in',
    ids: [
      'wrong-signin-page',
      'signin-page-blocked',
      'find-account-id',
      'access-portal-credentials',
      'identity-center-console-error',
      'verification-code',
    ],
  },
  {
    label: 'Passwords and MFA',
    ids: [
      'root-password-reset',
      'root-password-reset-required',
      'root-password-recovery-disabled',
      'iam-password-reset',
      'identity-center-password-reset',
      'federated-password',
      'mfa-device-lost',
    ],
  },
  {
    label: 'Email and account',
    ids: ['no-email-access', 'email-already-in-use', 'suspended-account', 'close-account'],
  },
  {
    label: 'Billing, fraud and support',
    ids: ['contact-aws-support', 'billing-support', 'change-credit-card', 'report-fraud', 'retail-order'],
  },
];

/** `list` in runs of at most `size`, in order. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

export interface TopicGroup {
  label: string;
  topics: Topic[];
}

// The corpus's topic list does not change while the app runs; every menu and Home tab groups it the same way.
const groupedLists = new WeakMap<readonly Topic[], readonly TopicGroup[]>();

export function groupTopics(topics: readonly Topic[]): readonly TopicGroup[] {
  let grouped = groupedLists.get(topics);
  if (!grouped) {
    grouped = Object.freeze(sortIntoGroups(topics));
    groupedLists.set(topics, grouped);
  }
  return grouped;
}

function sortIntoGroups(topics: readonly Topic[]): TopicGroup[] {
  const grouped = TOPIC_GROUPS.map(({ label, ids }) => ({
    label,
    topics: topics.filter((topic) => ids.includes(topic.id)),
  }));
  const placed = new Set(TOPIC_GROUPS.flatMap((group) => group.ids));
  const other = topics.filter((topic) => !placed.has(topic.id));
  if (other.length > 0) grouped.push({ label: 'Other', topics: other });
  return grouped.filter((group) => group.topics.length > 0);
}

/**
 * With `questionId` (under a fallback answer), the picked topic answers that question; with `askerId`,
 * the menu is that person's (a pick by anyone else gets them a card of their own); with `kind`, the
 * topic picked opens on that kind's steps, as a clarify card's choices do.
 */
export function topicMenuBlock(
  topics: readonly Topic[],
  answering: Answering & { kind?: AskerKind } = {},
): types.ActionsBlock {
  const option = (topic: Topic) => ({
    text: { type: 'plain_text' as const, text: truncate(topic.title, LIMITS.optionText) },
    value: encodeTopicRef({ topicId: topic.id, ...answering }),
  });
  return actions(BLOCK.topicMenu, [
    {
      type: 'static_select',
      action_id: ACTION.topicSelect,
      placeholder: { type: 'plain_text', text: TOPIC_MENU_PLACEHOLDER },
      // A group longer than a menu group may be (an organisation's hundreds of own topics under
      // "Other") continues in groups of its own, so no topic drops out of the menu.
      option_groups: groupTopics(topics)
        .flatMap((group) =>
          chunks(group.topics, LIMITS.selectOptions).map((part, index) => ({
            label: {
              type: 'plain_text' as const,
              text: truncate(index === 0 ? group.label : `${group.label} (continued)`, LIMITS.optionText),
            },
            options: part.map(option),
          })),
        )
        .slice(0, LIMITS.selectOptionGroups),
    },
  ]);
}

/**
 * A row of buttons, one topic each (a clarifying question's candidates, a fallback's nearest topics).
 * The topic opened carries the kind of user named and, with `questionId`, answers that question.
 */
export function topicChoicesBlock(
  topics: readonly Topic[],
  ref: { kind?: AskerKind } & Answering = {},
): types.ActionsBlock {
  return actions(
    BLOCK.choices,
    topics.map((topic, index) =>
      button({
        actionId: positional(ACTION.openTopic, index),
        label: topic.title,
        value: encodeTopicRef({ topicId: topic.id, ...ref }),
      }),
    ),
  );
}
