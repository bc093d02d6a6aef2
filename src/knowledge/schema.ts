// The shape of a knowledge file: one YAML file per topic in `knowledge/`, plus the lexicon
// (`knowledge/lexicon.yml`) that teaches the matcher how people write and the source pages
// (`knowledge/sources.yml`) every step cites. Validated with zod at start.
import { z } from 'zod';

export const ESCALATION_CONTACTS = ['self', 'administrator', 'aws-support', 'amazon-customer-service'] as const;
/** The kinds of user a person can be when signing in to AWS: what a question can say about who asks. */
export const ASKER_KINDS = ['root', 'iam', 'identity-center', 'federated'] as const;
export const USER_KINDS = [...ASKER_KINDS, 'anyone'] as const;

/**
 * How long text may be and how many items a list may hold. Shared with parse-topic.ts, which checks valid
 * files the same way without zod.
 */
export const TOPIC_LIMITS = {
  title: 140,
  summary: 300,
  step: 600,
  reason: 400,
  label: 60,
  linkTitle: 120,
  url: 2000,
  steps: { min: 1, max: 12 },
  userKinds: 4,
  links: { min: 1, max: 6 },
  related: 4,
  /** Who can help: a card lists each with its reason, so a long list would bury the one that matters. */
  escalation: 6,
  questions: 3,
  keywords: 1,
} as const;

/**
 * A topic id travels in button and menu values ("id|kind#question"): a menu option's value may hold
 * 150 characters, so the id stays well under.
 */
export const TOPIC_ID_MAX = 64;
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A valid topic id: kebab-case, at most `TOPIC_ID_MAX` characters. */
export const TOPIC_ID = new RegExp(`^(?=.{1,${TOPIC_ID_MAX}}$)${KEBAB_CASE.source.slice(1)}`);
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const topicId = z
  .string()
  .max(TOPIC_ID_MAX, `must be at most ${TOPIC_ID_MAX} characters (and the file name with it)`)
  .regex(KEBAB_CASE, 'must be kebab-case, like mfa-device-lost');

/** A cited section of a source page: `page#anchor`, both as `knowledge/sources.yml` names them. */
export const SOURCE_REF = /^[a-z0-9]+(-[a-z0-9]+)*#[A-Za-z0-9_-]+$/;
const sourceRef = z
  .string()
  .regex(SOURCE_REF, 'must name a source section as page#anchor, like sign-in-guide#troubleshoot-MFA-issues');

/**
 * Where a step or reason comes from: `source` (one section or a list), or `ours: true` for advice of our
 * own, which the card marks as ours. Neither is allowed by the loader (`npm run knowledge:check` counts
 * it as unsourced and fails); both at once is an error.
 */
const provenance = {
  source: z.union([sourceRef, z.array(sourceRef).min(1)]).optional(),
  ours: z.literal(true).optional(),
};
export const bothSourceAndOurs = (item: { source?: unknown; ours?: true }) => !(item.source && item.ours);
const BOTH_MESSAGE = 'has both source and ours: advice is either from a source or our own';
const toSources = (source: string | string[] | undefined): readonly string[] =>
  source === undefined ? [] : typeof source === 'string' ? [source] : source;

/** A step as written (plain text, or text with its provenance), as the app reads it. */
export const stepFromFile = (value: string | { text: string; source?: string | string[]; ours?: true }) =>
  typeof value === 'string'
    ? { text: value, sources: toSources(undefined), ours: false }
    : { text: value.text, sources: toSources(value.source), ours: value.ours === true };

/** A step is one short instruction; links are written inline as Markdown: [label](https://...). */
const stepText = nonEmpty.max(TOPIC_LIMITS.step, `must be at most ${TOPIC_LIMITS.step} characters`);
const step = z
  .union([
    stepText,
    z.strictObject({ text: stepText, ...provenance }).refine(bothSourceAndOurs, { message: BOTH_MESSAGE }),
  ])
  .transform(stepFromFile);
const steps = z.array(step).min(TOPIC_LIMITS.steps.min).max(TOPIC_LIMITS.steps.max);

/** An escalation reason as written, as the app reads it. */
export const escalationFromFile = <T extends { source?: string | string[]; ours?: true }>({
  source,
  ours,
  ...rest
}: T) => ({ ...rest, sources: toSources(source), ours: ours === true });

const escalation = z
  .array(
    z
      .strictObject({
        contact: z.enum(ESCALATION_CONTACTS),
        /** Why this is the right person, in plain words ("AWS Support can't view, provide or change your credentials"). */
        reason: nonEmpty.max(TOPIC_LIMITS.reason),
        ...provenance,
      })
      .refine(bothSourceAndOurs, { message: BOTH_MESSAGE })
      .transform(escalationFromFile),
  )
  .min(1)
  .max(TOPIC_LIMITS.escalation, `must list at most ${TOPIC_LIMITS.escalation} people to go to`);

/** Slack ends a link at `>` and its address at `|`: either would let the rest of the URL become markup. */
export const isSafeUrl = (url: string) => !/[<>|\s"]/.test(url);

const link = z.strictObject({
  title: nonEmpty.max(TOPIC_LIMITS.linkTitle),
  url: z
    .url({ protocol: /^https$/ })
    .max(TOPIC_LIMITS.url)
    .refine(isSafeUrl, { message: 'must not contain <, >, |, quotes or spaces' }),
});

/** A user-kind choice has steps or points at a topic, never both; and steps come with escalation. */
export const stepsOrTopic = (choice: { steps?: unknown; topic?: string }) =>
  Boolean(choice.steps) !== Boolean(choice.topic);
export const escalationWithSteps = (choice: { steps?: unknown; escalation?: unknown }) =>
  !choice.steps || Boolean(choice.escalation);

/** A follow-up button for one kind of user: its own steps, or a pointer to the topic that covers them. */
const userKindChoice = z
  .strictObject({
    kind: z.enum(USER_KINDS),
    label: nonEmpty.max(TOPIC_LIMITS.label),
    steps: steps.optional(),
    escalation: escalation.optional(),
    topic: topicId.optional(),
  })
  .refine(stepsOrTopic, { message: 'needs either steps (with escalation) or topic, not both' })
  .refine(escalationWithSteps, { message: 'with steps, escalation is required too' });

export const topicSchema = z.strictObject({
  id: topicId,
  title: nonEmpty.max(TOPIC_LIMITS.title),
  summary: nonEmpty.max(TOPIC_LIMITS.summary),
  audience: z.array(z.enum(USER_KINDS)).min(1),
  steps,
  escalation,
  user_kinds: z.array(userKindChoice).max(TOPIC_LIMITS.userKinds).optional(),
  links: z.array(link).min(TOPIC_LIMITS.links.min).max(TOPIC_LIMITS.links.max),
  related: z.array(topicId).max(TOPIC_LIMITS.related).default([]),
  vocabulary: z.strictObject({
    /** How people actually ask: whole questions, in their words. */
    questions: z.array(nonEmpty).min(TOPIC_LIMITS.questions),
    /** Short phrases that point at this topic and at few others. */
    keywords: z.array(nonEmpty).min(TOPIC_LIMITS.keywords),
  }),
});

/** A topic file as written, validated and normalised (each step and reason with its list of sources). */
export type TopicFile = z.output<typeof topicSchema>;

/** A cited section, resolved against `knowledge/sources.yml`. */
export interface Citation {
  /** `page#anchor`, as cited. */
  ref: string;
  pageTitle: string;
  heading: string;
  /** The page's address with the section's anchor. */
  url: string;
}

/** A topic as the app uses it: the file, plus every section it cites, resolved, in order of first citation. */
export type Topic = TopicFile & { readonly cited: readonly Citation[] };
export type Step = TopicFile['steps'][number];
export type Escalation = TopicFile['escalation'][number];
export type UserKindChoice = NonNullable<TopicFile['user_kinds']>[number];
export type EscalationContact = (typeof ESCALATION_CONTACTS)[number];
export type UserKind = (typeof USER_KINDS)[number];
export type AskerKind = (typeof ASKER_KINDS)[number];
export const isAskerKind = (kind: string | undefined): kind is AskerKind =>
  (ASKER_KINDS as readonly string[]).includes(kind ?? '');
