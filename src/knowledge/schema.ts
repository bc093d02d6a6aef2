// The shape of a knowledge file: one YAML file per topic in `knowledge/`, plus the lexicon
// (`knowledge/lexicon.yml`) that teaches the matcher how people write and the source pages
// (`knowledge/sources.yml`) every step cites. Validated with zod at start.
import { z } from 'zod';

export const ESCALATION_CONTACTS = ['self', 'administrator', 'aws-support', 'amazon-customer-service'] as const;
/** The kinds of user a person can be when signing in to AWS: what a question can say about who asks. */
export const ASKER_KINDS = ['root', 'iam', 'identity-center', 'federated'] as const;
export const USER_KINDS = [...ASKER_KINDS, 'anyone'] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const topicId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like mfa-device-lost');

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
const bothSourceAndOurs = (item: { source?: unknown; ours?: true }) => !(item.source && item.ours);
const BOTH_MESSAGE = 'has both source and ours: advice is either from a source or our own';
const toSources = (source: string | string[] | undefined): readonly string[] =>
  source === undefined ? [] : typeof source === 'string' ? [source] : source;

/** A step is one short instruction; links are written inline as Markdown: [label](https://...). */
const stepText = nonEmpty.max(600, 'must be at most 600 characters');
const step = z
  .union([
    stepText,
    z.strictObject({ text: stepText, ...provenance }).refine(bothSourceAndOurs, { message: BOTH_MESSAGE }),
  ])
  .transform((value) =>
    typeof value === 'string'
      ? { text: value, sources: toSources(undefined), ours: false }
      : { text: value.text, sources: toSources(value.source), ours: value.ours === true },
  );
const steps = z.array(step).min(1).max(12);

const escalation = z
  .array(
    z
      .strictObject({
        contact: z.enum(ESCALATION_CONTACTS),
        /** Why this is the right person, in plain words ("AWS Support can't view, provide or change your credentials"). */
        reason: nonEmpty.max(400),
        ...provenance,
      })
      .refine(bothSourceAndOurs, { message: BOTH_MESSAGE })
      .transform(({ source, ours, ...rest }) => ({ ...rest, sources: toSources(source), ours: ours === true })),
  )
  .min(1);

const link = z.strictObject({
  title: nonEmpty.max(120),
  // Slack ends a link at `>` and its address at `|`: either would let the rest of the URL become markup.
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .refine((url) => !/[<>|\s"]/.test(url), { message: 'must not contain <, >, |, quotes or spaces' }),
});

/** A follow-up button for one kind of user: its own steps, or a pointer to the topic that covers them. */
const userKindChoice = z
  .strictObject({
    kind: z.enum(USER_KINDS),
    label: nonEmpty.max(60),
    steps: steps.optional(),
    escalation: escalation.optional(),
    topic: topicId.optional(),
  })
  .refine((choice) => Boolean(choice.steps) !== Boolean(choice.topic), {
    message: 'needs either steps (with escalation) or topic, not both',
  })
  .refine((choice) => !choice.steps || Boolean(choice.escalation), {
    message: 'with steps, escalation is required too',
  });

export const topicSchema = z.strictObject({
  id: topicId,
  title: nonEmpty.max(140),
  summary: nonEmpty.max(300),
  audience: z.array(z.enum(USER_KINDS)).min(1),
  steps,
  escalation,
  user_kinds: z.array(userKindChoice).max(4).optional(),
  links: z.array(link).min(1).max(6),
  related: z.array(topicId).max(4).default([]),
  vocabulary: z.strictObject({
    /** How people actually ask: whole questions, in their words. */
    questions: z.array(nonEmpty).min(3),
    /** Short phrases that point at this topic and at few others. */
    keywords: z.array(nonEmpty).min(1),
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
