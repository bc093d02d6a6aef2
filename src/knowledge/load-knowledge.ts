// Loads and validates the knowledge corpus: every `*.yml` topic file in a folder, its lexicon and the
// source pages its steps cite. Anything wrong stops the app with one KnowledgeError that names every
// broken file and field at once; `inspectKnowledge` returns the same findings for `npm run knowledge:check`.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type LoadOptions, load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import { CARD_TEXT_BUDGET, topicCardText } from './card-text';
import { type Lexicon, lexiconSchema } from './lexicon-schema';
import { parseTopic } from './parse-topic';
import { plainIssue } from './plain-issue';
import { parsePlainYaml } from './plain-yaml';
import { type Citation, type Topic, type TopicFile, topicSchema, type UserKindChoice } from './schema';
import { type Sources, sourcesSchema } from './sources-schema';

export const LEXICON_FILE = 'lexicon.yml';
const YAML_FILE = /\.ya?ml$/i;
export const SOURCES_FILE = 'sources.yml';

/**
 * Limits on one knowledge file. The largest shipped file is about 15 KB, with no anchors or aliases. An
 * alias is a reference, so a few kilobytes of aliases to aliases stand for billions of values: without a
 * limit, validating one took 13 s and 2.3 GB (289 KB of them aborted V8).
 */
export const YAML_LIMITS = {
  fileBytes: 256 * 1024,
  aliases: 50,
  /** Values in the file once every alias is expanded (a topic has a few hundred). */
  values: 20_000,
  depth: 20,
} as const;

/** A problem an IT administrator can fix in a knowledge file; shown without a stack trace. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
}

export interface Corpus {
  topics: readonly Topic[];
  byId: ReadonlyMap<string, Topic>;
  lexicon: Lexicon;
  sources: Sources;
}

/** One thing wrong in one file. `unresolved`: a cited section `sources.yml` does not list. */
export interface KnowledgeProblem {
  file: string;
  kind: 'invalid' | 'unresolved';
  message: string;
}

export interface KnowledgeReport {
  /** Only when nothing is wrong. */
  corpus?: Corpus;
  problems: readonly KnowledgeProblem[];
  /** Every topic file that parsed, with the file it came from, even when something else is wrong. */
  parsed: ReadonlyArray<{ file: string; topic: Topic }>;
  sources?: Sources;
}

export function loadKnowledge(folder: string): Corpus {
  const { corpus, problems } = inspectKnowledge(folder);
  if (!corpus) throw new KnowledgeError(problems.map(describeProblem).join('\n'));
  return corpus;
}

export const describeProblem = (problem: KnowledgeProblem): string => `${problem.file}: ${problem.message}`;

/**
 * Every field can be within its own limit while the card as a whole is more than a Slack message holds:
 * twelve long steps and six long reasons. Said at start, naming the file, rather than a card Slack refuses.
 */
function checkCardText(file: string, topic: Topic, invalid: (file: string, message: string) => void): void {
  const { length, kind } = topicCardText(topic);
  if (length <= CARD_TEXT_BUDGET) return;
  invalid(
    file,
    `its answer card${kind ? ` for the ${kind} kind of user` : ''} would show ${length} characters of text (title, summary, steps, reasons, links and sources; "&", "<" and ">" count as Slack escapes them), more than a Slack message holds with the card around it: keep it to ${CARD_TEXT_BUDGET}, with shorter or fewer steps, reasons or links`,
  );
}

export function inspectKnowledge(folder: string): KnowledgeReport {
  const problems: KnowledgeProblem[] = [];
  const invalid = (file: string, message: string) => problems.push({ file, kind: 'invalid', message });

  let fileNames: string[];
  try {
    fileNames = readdirSync(folder)
      // Any case: "vpn.YML" saved by a Windows editor is a topic file too, not one silently left out.
      .filter((name) => YAML_FILE.test(name))
      .sort();
  } catch {
    invalid(folder, 'knowledge folder not found or not readable');
    return { problems, parsed: [] };
  }
  const topicFiles = fileNames.filter((name) => name !== LEXICON_FILE && name !== SOURCES_FILE);
  if (topicFiles.length === 0) invalid(folder, 'no topic files (*.yml) found');
  const lexiconFile = join(folder, LEXICON_FILE);
  const sourcesFile = join(folder, SOURCES_FILE);
  if (!fileNames.includes(LEXICON_FILE)) invalid(lexiconFile, 'file is missing');
  if (!fileNames.includes(SOURCES_FILE)) invalid(sourcesFile, 'file is missing');

  const lexicon = fileNames.includes(LEXICON_FILE) ? parseFile(lexiconFile, lexiconSchema, invalid) : undefined;
  if (lexicon) checkSynonyms(lexiconFile, lexicon, invalid);
  const sources = fileNames.includes(SOURCES_FILE) ? parseFile(sourcesFile, sourcesSchema, invalid) : undefined;
  const sections = sources ? sectionIndex(sourcesFile, sources, invalid) : undefined;

  const parsed: Array<{ file: string; topic: TopicFile }> = [];
  for (const name of topicFiles) {
    const file = join(folder, name);
    const topic = parseFile(file, topicSchema, invalid, parseTopic);
    if (!topic) continue;
    const expectedId = basename(name).replace(YAML_FILE, '');
    if (topic.id !== expectedId) invalid(file, `id "${topic.id}" must match the file name`);
    else parsed.push({ file, topic });
  }

  const byFile = new Map<string, TopicFile>();
  for (const { file, topic } of parsed) {
    if (byFile.has(topic.id)) invalid(file, `duplicate topic id "${topic.id}"`);
    else byFile.set(topic.id, topic);
  }
  // A file that did not parse is already reported; naming its id elsewhere is not a second mistake.
  const knownIds = new Set([...byFile.keys(), ...topicFiles.map((name) => name.replace(YAML_FILE, ''))]);
  const loaded: Array<{ file: string; topic: Topic }> = [];
  for (const { file, topic } of parsed) {
    if (byFile.get(topic.id) !== topic) continue;
    checkReferences(file, topic, knownIds, invalid);
    checkLinks(file, topic, invalid);
    const cited = sections ? resolveCitations(file, topic, sections, problems) : [];
    // The parsed topic is a fresh object of this loader's: it takes its citations in place, not as a copy.
    const withCitations = Object.assign(topic, { cited });
    checkCardText(file, withCitations, invalid);
    loaded.push({ file, topic: withCitations });
  }
  const topics = loaded.map(({ topic }) => topic);
  lexicon?.clarify_groups.forEach((group, groupIndex) => {
    group.topics.forEach((id, index) => {
      if (!knownIds.has(id))
        invalid(lexiconFile, `field "clarify_groups.${groupIndex}.topics.${index}" names unknown topic "${id}"`);
    });
  });
  lexicon?.elsewhere.forEach((place, index) => {
    if (!knownIds.has(place.topic))
      invalid(lexiconFile, `field "elsewhere.${index}.topic" names unknown topic "${place.topic}"`);
  });

  if (problems.length > 0 || !lexicon || !sources) return { problems, parsed: loaded, sources };
  const byId = new Map<string, Topic>(topics.map((topic) => [topic.id, topic]));
  return { corpus: { topics, byId, lexicon, sources }, problems, parsed: loaded, sources };
}

/**
 * A variant listed under two words would silently mean the last one ("2fa" under both "mfa" and an
 * administrator's "vpn" sent MFA questions to the VPN topic): named instead, with both places.
 */
function checkSynonyms(file: string, lexicon: Lexicon, invalid: (file: string, message: string) => void): void {
  const firstPlace = new Map<string, string>();
  for (const [word, variants] of Object.entries(lexicon.synonyms)) {
    variants.forEach((variant, index) => {
      const place = `synonyms.${word}.${index}`;
      const earlier = firstPlace.get(variant);
      if (earlier)
        invalid(file, `field "${place}" lists "${variant}", which "${earlier}" already lists: keep it under one word`);
      else firstPlace.set(variant, place);
    });
  }
}

/** `fast`: the same parse without zod for a plainly valid file (parse-topic.ts), undefined otherwise. */
function parseFile<T>(
  file: string,
  schema: z.ZodType<T>,
  invalid: (file: string, message: string) => void,
  fast?: (raw: unknown) => T | undefined,
): T | undefined {
  let raw: unknown;
  try {
    raw = readYaml(file);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    invalid(file, error.message);
    return undefined;
  }
  const plain = fast?.(raw);
  if (plain !== undefined) return plain;
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `field "${issue.path.join('.') || '(top level)'}" ${plainIssue(issue)}`,
  );
  invalid(file, problems.join('; '));
  return undefined;
}

/** Every section of every page, by `page#anchor`. */
function sectionIndex(
  file: string,
  sources: Sources,
  invalid: (file: string, message: string) => void,
): Map<string, Citation> {
  const index = new Map<string, Citation>();
  const pageIds = new Set<string>();
  sources.pages.forEach((page, pageIndex) => {
    if (pageIds.has(page.id)) invalid(file, `field "pages.${pageIndex}.id" repeats page "${page.id}"`);
    pageIds.add(page.id);
    page.sections.forEach((section, sectionIndex) => {
      const ref = `${page.id}#${section.anchor}`;
      if (index.has(ref)) {
        invalid(file, `field "pages.${pageIndex}.sections.${sectionIndex}.anchor" repeats "${section.anchor}"`);
      }
      index.set(ref, { ref, pageTitle: page.title, heading: section.heading, url: `${page.url}#${section.anchor}` });
    });
  });
  return index;
}

function resolveCitations(
  file: string,
  topic: TopicFile,
  sections: ReadonlyMap<string, Citation>,
  problems: KnowledgeProblem[],
): Citation[] {
  const cited = new Map<string, Citation>();
  eachProvenance(topic, (_text, sources, _ours, place, index) => {
    for (let i = 0; i < sources.length; i++) {
      const ref = sources[i] as string;
      const citation = sections.get(ref);
      if (citation) cited.set(ref, citation);
      else {
        problems.push({
          file,
          kind: 'unresolved',
          message: `field "${place}${index}.source${sources.length > 1 ? `.${i}` : ''}" cites "${ref}", a section ${SOURCES_FILE} does not list`,
        });
      }
    }
  });
  return [...cited.values()];
}

/** A step or an escalation reason, with the field that holds it and where it comes from. */
export interface ProvenanceItem {
  field: string;
  text: string;
  sources: readonly string[];
  ours: boolean;
}

/** Every step and escalation reason of a topic, its kinds of user's included. */
export function provenanceOf(topic: TopicFile): ProvenanceItem[] {
  const items: ProvenanceItem[] = [];
  eachProvenance(topic, (text, sources, ours, place, index) =>
    items.push({ field: `${place}${index}`, text, sources, ours }),
  );
  return items;
}

/**
 * The same, one at a time, without building anything: `place` and `index` make the field's name
 * (`${place}${index}`: "steps.2", "user_kinds.0.escalation.1") when a problem needs it. Every
 * topic is checked this way at start.
 */
function eachProvenance(
  topic: TopicFile,
  visit: (text: string, sources: readonly string[], ours: boolean, place: string, index: number) => void,
): void {
  eachIn('', topic.steps, topic.escalation, visit);
  const kinds = topic.user_kinds ?? [];
  for (let index = 0; index < kinds.length; index++) {
    const choice = kinds[index] as UserKindChoice;
    eachIn(`user_kinds.${index}.`, choice.steps, choice.escalation, visit);
  }
}

function eachIn(
  prefix: string,
  steps: TopicFile['steps'] = [],
  escalation: TopicFile['escalation'] = [],
  visit: Parameters<typeof eachProvenance>[1],
): void {
  const stepPlace = `${prefix}steps.`;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as TopicFile['steps'][number];
    visit(step.text, step.sources, step.ours, stepPlace, index);
  }
  const reasonPlace = `${prefix}escalation.`;
  for (let index = 0; index < escalation.length; index++) {
    const { reason, sources, ours } = escalation[index] as TopicFile['escalation'][number];
    visit(reason, sources, ours, reasonPlace, index);
  }
}

function readYaml(file: string): unknown {
  const text = readText(file);
  // Most files are plain YAML, read without js-yaml (plain-yaml.ts); js-yaml reads the rest.
  const plain = parsePlainYaml(text);
  if (plain !== undefined) return withinValueLimit(plain);
  let aliases = 0;
  let raw: unknown;
  try {
    // js-yaml rejects duplicate keys, and parses a cold corpus several times faster than `yaml`.
    raw = parseYaml(text, {
      filename: file,
      maxDepth: YAML_LIMITS.depth,
      // An alias closes as a node of no kind whose value is the anchored one.
      listener: (event, state) => {
        if (event === 'close' && state.kind === null && state.result !== null && state.result !== undefined) {
          aliases += 1;
          if (aliases > YAML_LIMITS.aliases) throw new TooManyAliases();
        }
      },
    } as LoadOptions);
  } catch (error) {
    if (error instanceof TooManyAliases) {
      throw new UnreadableFile(
        `more than ${YAML_LIMITS.aliases} aliases (*name); write the text out instead of referring to it`,
      );
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UnreadableFile(`not valid YAML (${reason})`);
  }
  return withinValueLimit(raw);
}

function withinValueLimit(raw: unknown): unknown {
  if (countValues(raw, YAML_LIMITS.values) > YAML_LIMITS.values) {
    throw new UnreadableFile(
      `more than ${YAML_LIMITS.values} values once its aliases are expanded; write the text out instead of referring to it`,
    );
  }
  return raw;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const NOT_A_FILE = 'cannot be read (it is not a regular file: a device, a pipe or a socket)';

/** One byte more than a knowledge file may hold, reused by every read: a larger file fills it. */
let readBuffer: Buffer | undefined;

/**
 * The file's text, read at most one byte past the size limit (a larger file is never read whole). One
 * open, read and close: at 2,000 files, a stat before each read cost more than the reads' own work.
 */
function readText(file: string): string {
  let fd: number;
  try {
    // Non-blocking: a named pipe called `x.yml` would otherwise wait for a writer, and start-up with it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFile(`cannot be read (${systemReason(error)})`);
  }
  try {
    readBuffer ??= Buffer.allocUnsafe(YAML_LIMITS.fileBytes + 1);
    let length = 0;
    while (length < readBuffer.length) {
      let read: number;
      try {
        read = readSync(fd, readBuffer, length, readBuffer.length - length, null);
      } catch (error) {
        // A pipe with nothing to read yet fails here (EAGAIN); a folder named like a topic file too (EISDIR).
        if ((error as { code?: unknown } | null)?.code === 'EAGAIN') throw new UnreadableFile(NOT_A_FILE);
        throw new UnreadableFile(`cannot be read (${systemReason(error)})`);
      }
      if (read === 0) break;
      length += read;
    }
    // Only a read that looks odd is looked at again (nothing, or more than a file may hold): a pipe reads
    // as empty and a device as endless, and a stat before every read would cost every file.
    if (length === 0 || length > YAML_LIMITS.fileBytes) {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new UnreadableFile(NOT_A_FILE);
    }
    if (length > YAML_LIMITS.fileBytes) {
      const size = fstatSync(fd).size;
      throw new UnreadableFile(
        `file is ${Math.ceil(size / 1024)} KB, more than the ${YAML_LIMITS.fileBytes / 1024} KB a knowledge file may be`,
      );
    }
    try {
      return UTF8.decode(readBuffer.subarray(0, length));
    } catch {
      // Read leniently, "café" saved as Latin-1 became "caf\uFFFD" on the card, and a synonym never matched.
      throw new UnreadableFile('is not UTF-8 text: save it as UTF-8 (the encoding most editors offer first)');
    }
  } finally {
    closeSync(fd);
  }
}

/** "it is a folder" and the like, for a person: the system's code and what it means, not a stack. */
function systemReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const meaning: Record<string, string> = {
    ENOENT: 'it does not exist: a link to a file that is gone?',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'no permission to read it',
    EPERM: 'no permission to read it',
    ELOOP: 'a link that points at itself',
  };
  if (typeof code === 'string') return Object.hasOwn(meaning, code) ? `${meaning[code]}; ${code}` : code;
  return error instanceof Error ? error.message : String(error);
}

class TooManyAliases extends Error {}

/** A knowledge file too big, too deep or not YAML at all: reported against its name like any other mistake. */
class UnreadableFile extends Error {}

/** Values in a parsed document, aliases expanded, counting stopped once past `max`. */
function countValues(root: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= max) {
    const value = stack.pop();
    count += 1;
    if (Array.isArray(value)) for (const member of value) stack.push(member);
    else if (value && typeof value === 'object') {
      const fields = value as Record<string, unknown>;
      for (const key in fields) if (Object.hasOwn(fields, key)) stack.push(fields[key]);
    }
  }
  return count;
}

function checkReferences(
  file: string,
  topic: TopicFile,
  byId: ReadonlySet<string>,
  invalid: (file: string, message: string) => void,
): void {
  topic.related.forEach((id, index) => {
    if (!byId.has(id)) invalid(file, `field "related.${index}" names unknown topic "${id}"`);
    if (id === topic.id) invalid(file, `field "related.${index}" names the topic itself`);
  });
  const kinds = new Set<string>();
  topic.user_kinds?.forEach((choice, index) => {
    if (choice.topic && !byId.has(choice.topic)) {
      invalid(file, `field "user_kinds.${index}.topic" names unknown topic "${choice.topic}"`);
    }
    // A button carries the kind, not the entry: a second entry for the same kind would never be shown.
    if (kinds.has(choice.kind)) invalid(file, `field "user_kinds.${index}.kind" repeats "${choice.kind}"`);
    kinds.add(choice.kind);
  });
}

/** Links written inside text must be https too: a card never sends people to a plain-http page. */
function checkLinks(file: string, topic: TopicFile, invalid: (file: string, message: string) => void): void {
  const check = (field: string, text: string) => {
    const plain = PLAIN_HTTP.exec(text);
    if (plain) invalid(file, `field "${field}" links to ${plain[0]}: use the https:// address`);
  };
  check('summary', topic.summary);
  eachProvenance(topic, (text, _sources, _ours, place, index) => {
    if (PLAIN_HTTP.test(text)) check(`${place}${index}`, text);
  });
}

// Any case: Slack links HTTP://… as it does http://.
const PLAIN_HTTP = /http:\/\/[^\s)\]`"']+/i;
