// Every action id and block id the app's cards use, in one place: listeners register against these.

export const ACTION = {
  /** Buttons that open a topic's card (clarify choices, related topics). Suffixed with a position. */
  openTopic: 'open_topic',
  /** The topic menu (static select). */
  topicSelect: 'topic_select',
  /** "I'm the root user" and friends. Suffixed with a position. */
  userKind: 'user_kind',
  stillStuck: 'still_stuck',
  shareInChannel: 'share_in_channel',
} as const;

export const BLOCK = {
  steps: 'steps',
  whoCanHelp: 'who_can_help',
  userKinds: 'user_kinds',
  followUps: 'follow_ups',
  choices: 'clarify_choices',
  topicMenu: 'topic_menu',
  secretWarning: 'secret_warning',
} as const;

/** Matches every action id built from `prefix` plus a position ("open_topic_2"). */
export const actionIdPattern = (prefix: string): RegExp => new RegExp(`^${prefix}(_\\d+)?$`);
export const positional = (prefix: string, position: number): string => `${prefix}_${position}`;

/** A button's value names a topic, and for user-kind variants the kind of user: `topic-id` or `topic-id|iam`. */
export interface TopicRef {
  topicId: string;
  kind?: string;
}

export const encodeTopicRef = ({ topicId, kind }: TopicRef): string => (kind ? `${topicId}|${kind}` : topicId);

export function decodeTopicRef(value: string | undefined): TopicRef | null {
  const [topicId, kind, ...rest] = (value ?? '').split('|');
  if (!topicId || rest.length > 0) return null;
  return kind ? { topicId, kind } : { topicId };
}
