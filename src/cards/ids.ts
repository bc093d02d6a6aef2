// Every action id and block id the app's cards use, in one place: listeners register against these.

export const ACTION = {
  /** Buttons that open a topic's card (clarify choices, related topics). Suffixed with a position. */
  openTopic: 'open_topic',
  /** The topic menu (static select). */
  topicSelect: 'topic_select',
  /** "I'm the root user" and friends. Suffixed with a position. */
  userKind: 'user_kind',
  /** "Not the root user?" on a card opened on one kind's steps: the topic's card for everyone. */
  otherUserKinds: 'other_user_kinds',
  stillStuck: 'still_stuck',
  shareInChannel: 'share_in_channel',
  feedbackHelpful: 'feedback_helpful',
  feedbackNotHelpful: 'feedback_not_helpful',
  askAdministrator: 'ask_administrator',
  contactAwsSupport: 'contact_aws_support',
  /** On the post in the escalation channel. */
  escalationClaim: 'escalation_claim',
  escalationResolve: 'escalation_resolve',
  /** Topic buttons on the Home tab. Suffixed with a position. */
  homeTopic: 'home_topic',
} as const;

export const BLOCK = {
  steps: 'steps',
  whoCanHelp: 'who_can_help',
  userKinds: 'user_kinds',
  followUps: 'follow_ups',
  choices: 'clarify_choices',
  topicMenu: 'topic_menu',
  secretWarning: 'secret_warning',
  escalate: 'escalate',
  feedback: 'feedback',
  escalationActions: 'escalation_actions',
  /** One per group on the Home tab, suffixed with the group's position. */
  homeTopics: 'home_topics',
  feedbackMissing: 'feedback_missing',
} as const;

/** Modal callback ids, and the input ids inside them. */
export const VIEW = {
  feedback: 'feedback_modal',
  feedbackMissingInput: 'missing_text',
} as const;

/** Matches every action id built from `prefix` plus a position ("open_topic_2"). */
export const actionIdPattern = (prefix: string): RegExp => new RegExp(`^${prefix}(_\\d+)?$`);
export const positional = (prefix: string, position: number): string => `${prefix}_${position}`;

/**
 * A button's value names a topic, the kind of user (picked, or named in the question: the card it opens
 * shows that kind's steps where the topic has them), for cards answering a stored question that
 * question's id, and for cards made for one person that person's user id: `topic-id`, `topic-id|iam`,
 * `topic-id|iam#42`, `topic-id#42@U123`. The person is who the card answers: anyone else who clicks it
 * gets a card of their own (listeners/actions/topic-actions.ts).
 */
export interface TopicRef {
  topicId: string;
  kind?: string;
  questionId?: number;
  askerId?: string;
}

export const encodeTopicRef = ({ topicId, kind, questionId, askerId }: TopicRef): string =>
  `${kind ? `${topicId}|${kind}` : topicId}${questionId !== undefined ? `#${questionId}` : ''}${askerId ? `@${askerId}` : ''}`;

/** The person a card answers, as a ref names them: the `asker` part of `encodeTopicRef`'s value. */
export type Answering = Pick<TopicRef, 'questionId' | 'askerId'>;

export function decodeTopicRef(value: string | undefined): TopicRef | null {
  const [, body = '', questionId, askerId] = /^([^#@]*)(?:#(\d{1,15}))?(?:@([A-Z0-9]{2,32}))?$/.exec(value ?? '') ?? [];
  const [topicId, kind, ...rest] = body.split('|');
  if (!topicId || rest.length > 0) return null;
  return {
    topicId,
    ...(kind ? { kind } : {}),
    ...(questionId !== undefined ? { questionId: Number(questionId) } : {}),
    ...(askerId !== undefined ? { askerId } : {}),
  };
}

/**
 * An escalation post's buttons name the request by its id and the time it was opened (`12@1767225600000`),
 * so a post made before a database was restored from a backup never acts on a newer request given the
 * same id. Values made before this carry the id alone.
 */
export interface EscalationRef {
  id: number;
  createdAt?: number;
}

export const encodeEscalationRef = ({ id, createdAt }: EscalationRef): string =>
  createdAt === undefined ? String(id) : `${id}@${createdAt}`;

export function decodeEscalationRef(value: string | undefined): EscalationRef | null {
  const [, id, createdAt] = /^(\d{1,15})(?:@(\d{1,15}))?$/.exec(value ?? '') ?? [];
  if (id === undefined) return null;
  return { id: Number(id), ...(createdAt !== undefined ? { createdAt: Number(createdAt) } : {}) };
}
