// Reads a valid topic file without zod. zod is what says what is wrong with a file, but it costs tens of
// microseconds a topic before the JIT warms up: at 2,000 topics that was a sixth of one `npm run ask`.
// This checks the same rules as `topicSchema` (schema.ts shares its limits, patterns, refinements and
// transforms) and builds the same value, key for key and in the same order. On anything it is not sure
// of, it returns undefined and the loader lets zod parse the file: only zod ever rejects a file, so a
// mistake is always reported in zod's words. test/knowledge/parse-topic.test.ts holds the two together.

import type { TopicFile } from './schema';
import * as schema from './schema';

// The schema's rules, read once: run through tsx (npm run ask without a build), every use of an
// imported name is a getter call, and these are used on every field of every topic.
const {
  bothSourceAndOurs,
  ESCALATION_CONTACTS,
  escalationFromFile,
  escalationWithSteps,
  isSafeUrl,
  SOURCE_REF,
  stepFromFile,
  stepsOrTopic,
  TOPIC_ID,
  TOPIC_LIMITS,
  USER_KINDS,
} = schema;

/** Thrown (and caught below) at the first thing the fast path leaves to zod. */
const NOT_SURE = Symbol('left to zod');
const notSure = (): never => {
  throw NOT_SURE;
};

type Fields = Record<string, unknown>;

const TOPIC_KEYS = new Set([
  'id',
  'title',
  'summary',
  'audience',
  'steps',
  'escalation',
  'user_kinds',
  'links',
  'related',
  'vocabulary',
]);
const STEP_KEYS = new Set(['text', 'source', 'ours']);
const ESCALATION_KEYS = new Set(['contact', 'reason', 'source', 'ours']);
const USER_KIND_KEYS = new Set(['kind', 'label', 'steps', 'escalation', 'topic']);
const LINK_KEYS = new Set(['title', 'url']);
const VOCABULARY_KEYS = new Set(['questions', 'keywords']);
const CONTACTS: ReadonlySet<unknown> = new Set(ESCALATION_CONTACTS);
const KINDS: ReadonlySet<unknown> = new Set(USER_KINDS);

/**
 * Addresses whose checks are plain to see: https://, a host of letters, digits and hyphens whose last
 * label starts with a letter (no IP address, no port, no punycode, no user name), then printable ASCII.
 * Every such string is one `z.url({ protocol: /^https$/ })` accepts and leaves as it is (no spaces to
 * trim, no tabs or newlines to strip); any other address is left to zod.
 */
const PLAIN_URL = /^https:\/\/(?![^/?#]*\b[Xx][Nn]--)(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][!-~]*)?$/;

/** The file's topic when it is valid and plainly so; undefined when zod must look at it. */
export function parseTopic(raw: unknown): TopicFile | undefined {
  try {
    return topic(raw);
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}

function topic(raw: unknown): TopicFile {
  const fields = object(raw, TOPIC_KEYS);
  // Keys in the schema's order; an optional key only when the file has it, as zod builds it.
  const value: Fields = {
    id: topicId(fields.id),
    title: text(fields.title, TOPIC_LIMITS.title),
    summary: text(fields.summary, TOPIC_LIMITS.summary),
    audience: list(fields.audience, 1, Number.POSITIVE_INFINITY, kind),
    steps: steps(fields.steps),
    escalation: escalation(fields.escalation),
  };
  if ('user_kinds' in fields) value.user_kinds = list(fields.user_kinds, 0, TOPIC_LIMITS.userKinds, userKind);
  value.links = list(fields.links, TOPIC_LIMITS.links.min, TOPIC_LIMITS.links.max, link);
  value.related = fields.related === undefined ? [] : list(fields.related, 0, TOPIC_LIMITS.related, topicId);
  const vocabulary = object(fields.vocabulary, VOCABULARY_KEYS);
  value.vocabulary = {
    questions: list(vocabulary.questions, TOPIC_LIMITS.questions, Number.POSITIVE_INFINITY, nonEmpty),
    keywords: list(vocabulary.keywords, TOPIC_LIMITS.keywords, Number.POSITIVE_INFINITY, nonEmpty),
  };
  return value as TopicFile;
}

/** A group of fields with no field outside `keys` (tested as zod's strictObject tests them). */
function object(value: unknown, keys: ReadonlySet<string>): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notSure();
  for (const key in value) if (!keys.has(key)) notSure();
  return value as Fields;
}

function list<T>(value: unknown, min: number, max: number, item: (value: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return notSure();
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i]);
  return out;
}

/** Trimmed, not empty, and at most `max` UTF-16 units (zod counts code points past that: left to it). */
function text(value: unknown, max: number): string {
  if (typeof value !== 'string') return notSure();
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) notSure();
  return trimmed;
}

const nonEmpty = (value: unknown): string => text(value, Number.POSITIVE_INFINITY);

function matching(pattern: RegExp, value: unknown): string {
  if (typeof value !== 'string' || !pattern.test(value)) notSure();
  return value as string;
}

const topicId = (value: unknown): string => matching(TOPIC_ID, value);

function kind(value: unknown): (typeof USER_KINDS)[number] {
  if (!KINDS.has(value)) notSure();
  return value as (typeof USER_KINDS)[number];
}

/** `source` and `ours` as the file has them: only the keys it has, in the schema's order. */
function provenance(fields: Fields, into: Fields): void {
  if ('source' in fields) {
    into.source = Array.isArray(fields.source)
      ? list(fields.source, 1, Number.POSITIVE_INFINITY, (ref) => matching(SOURCE_REF, ref))
      : matching(SOURCE_REF, fields.source);
  }
  if ('ours' in fields) {
    if (fields.ours !== true) notSure();
    into.ours = true;
  }
  if (!bothSourceAndOurs(into)) notSure();
}

function step(value: unknown): ReturnType<typeof stepFromFile> {
  if (typeof value === 'string') return stepFromFile(text(value, TOPIC_LIMITS.step));
  const fields = object(value, STEP_KEYS);
  const written: Fields = { text: text(fields.text, TOPIC_LIMITS.step) };
  provenance(fields, written);
  return stepFromFile(written as Parameters<typeof stepFromFile>[0]);
}

const steps = (value: unknown) => list(value, TOPIC_LIMITS.steps.min, TOPIC_LIMITS.steps.max, step);

function escalationItem(value: unknown) {
  const fields = object(value, ESCALATION_KEYS);
  if (!CONTACTS.has(fields.contact)) notSure();
  const written: Fields = { contact: fields.contact, reason: text(fields.reason, TOPIC_LIMITS.reason) };
  provenance(fields, written);
  return escalationFromFile(written);
}

const escalation = (value: unknown) => list(value, 1, TOPIC_LIMITS.escalation, escalationItem);

function userKind(value: unknown): Fields {
  const fields = object(value, USER_KIND_KEYS);
  const choice: Fields = { kind: kind(fields.kind), label: text(fields.label, TOPIC_LIMITS.label) };
  if ('steps' in fields) choice.steps = steps(fields.steps);
  if ('escalation' in fields) choice.escalation = escalation(fields.escalation);
  if ('topic' in fields) choice.topic = topicId(fields.topic);
  if (!stepsOrTopic(choice) || !escalationWithSteps(choice)) notSure();
  return choice;
}

function link(value: unknown): { title: string; url: string } {
  const fields = object(value, LINK_KEYS);
  const title = text(fields.title, TOPIC_LIMITS.linkTitle);
  const url = fields.url;
  if (typeof url !== 'string' || url.length > TOPIC_LIMITS.url || !PLAIN_URL.test(url) || !isSafeUrl(url)) {
    return notSure();
  }
  return { title, url };
}
