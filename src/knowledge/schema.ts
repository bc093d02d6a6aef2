// The shape of a knowledge file: one YAML file per topic in `knowledge/`, plus the lexicon
// (`knowledge/lexicon.yml`) that teaches the matcher how people write. Validated with zod at start.
import { z } from 'zod';

export const ESCALATION_CONTACTS = ['self', 'administrator', 'aws-support', 'amazon-customer-service'] as const;
/** The kinds of user a person can be when signing in to AWS: what a question can say about who asks. */
export const ASKER_KINDS = ['root', 'iam', 'identity-center', 'federated'] as const;
export const USER_KINDS = [...ASKER_KINDS, 'anyone'] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const topicId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like mfa-device-lost');

/** A step is one short instruction; links are written inline as Markdown: [label](https://...). */
const steps = z.array(nonEmpty.max(600, 'must be at most 600 characters')).min(1).max(12);

const escalation = z
  .array(
    z.strictObject({
      contact: z.enum(ESCALATION_CONTACTS),
      /** Why this is the right person, in plain words ("AWS Support can't view, provide or change your credentials"). */
      reason: nonEmpty.max(400),
    }),
  )
  .min(1);

const link = z.strictObject({
  title: nonEmpty.max(120),
  url: z.url({ protocol: /^https?$/ }),
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

export type Topic = z.infer<typeof topicSchema>;
export type UserKindChoice = NonNullable<Topic['user_kinds']>[number];
export type EscalationContact = (typeof ESCALATION_CONTACTS)[number];
export type UserKind = (typeof USER_KINDS)[number];
export type AskerKind = (typeof ASKER_KINDS)[number];
export const isAskerKind = (kind: string | undefined): kind is AskerKind =>
  (ASKER_KINDS as readonly string[]).includes(kind ?? '');
