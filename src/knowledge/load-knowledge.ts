// Loads and validates the knowledge corpus: every `*.yml` topic file in a folder, plus its lexicon.
// Anything wrong stops the app with a KnowledgeError that names the file and the field.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type LoadOptions, load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import { type Lexicon, lexiconSchema } from './lexicon-schema';
import { type Topic, topicSchema } from './schema';

export const LEXICON_FILE = 'lexicon.yml';

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
}

export function loadKnowledge(folder: string): Corpus {
  let fileNames: string[];
  try {
    fileNames = readdirSync(folder)
      .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
      .sort();
  } catch {
    throw new KnowledgeError(`${folder}: knowledge folder not found or not readable`);
  }
  const topicFiles = fileNames.filter((name) => name !== LEXICON_FILE);
  if (topicFiles.length === 0) throw new KnowledgeError(`${folder}: no topic files (*.yml) found`);
  if (!fileNames.includes(LEXICON_FILE)) throw new KnowledgeError(`${join(folder, LEXICON_FILE)}: file is missing`);

  const lexicon = parseFile(join(folder, LEXICON_FILE), lexiconSchema);
  const topics = topicFiles.map((name) => {
    const file = join(folder, name);
    const topic = parseFile(file, topicSchema);
    const expectedId = basename(name).replace(/\.ya?ml$/, '');
    if (topic.id !== expectedId) throw new KnowledgeError(`${file}: id "${topic.id}" must match the file name`);
    return topic;
  });

  const byId = new Map<string, Topic>();
  topics.forEach((topic, index) => {
    if (byId.has(topic.id))
      throw new KnowledgeError(`${join(folder, topicFiles[index] as string)}: duplicate topic id "${topic.id}"`);
    byId.set(topic.id, topic);
  });
  for (const topic of topics) checkReferences(join(folder, `${topic.id}.yml`), topic, byId);
  lexicon.clarify_groups.forEach((group, groupIndex) => {
    group.topics.forEach((id, index) => {
      if (!byId.has(id)) {
        throw new KnowledgeError(
          `${join(folder, LEXICON_FILE)}: field "clarify_groups.${groupIndex}.topics.${index}" names unknown topic "${id}"`,
        );
      }
    });
  });
  return { topics, byId, lexicon };
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  const raw = readYaml(file);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `field "${issue.path.join('.') || '(top level)'}" ${issue.message}`,
    );
    throw new KnowledgeError(`${file}: ${problems.join('; ')}`);
  }
  return result.data;
}

function readYaml(file: string): unknown {
  const size = statSync(file).size;
  if (size > YAML_LIMITS.fileBytes) {
    throw new KnowledgeError(
      `${file}: file is ${Math.ceil(size / 1024)} KB, more than the ${YAML_LIMITS.fileBytes / 1024} KB a knowledge file may be`,
    );
  }
  let aliases = 0;
  let raw: unknown;
  try {
    // js-yaml rejects duplicate keys, and parses a cold corpus several times faster than `yaml`.
    raw = parseYaml(readFileSync(file, 'utf8'), {
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
      throw new KnowledgeError(
        `${file}: more than ${YAML_LIMITS.aliases} aliases (*name); write the text out instead of referring to it`,
      );
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(`${file}: not valid YAML (${reason})`);
  }
  if (countValues(raw, YAML_LIMITS.values) > YAML_LIMITS.values) {
    throw new KnowledgeError(
      `${file}: more than ${YAML_LIMITS.values} values once its aliases are expanded; write the text out instead of referring to it`,
    );
  }
  return raw;
}

class TooManyAliases extends Error {}

/** Values in a parsed document, aliases expanded, counting stopped once past `max`. */
function countValues(root: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= max) {
    const value = stack.pop();
    count += 1;
    if (value && typeof value === 'object') {
      for (const member of Array.isArray(value) ? value : Object.values(value)) stack.push(member);
    }
  }
  return count;
}

function checkReferences(file: string, topic: Topic, byId: ReadonlyMap<string, Topic>): void {
  topic.related.forEach((id, index) => {
    if (!byId.has(id)) throw new KnowledgeError(`${file}: field "related.${index}" names unknown topic "${id}"`);
    if (id === topic.id) throw new KnowledgeError(`${file}: field "related.${index}" names the topic itself`);
  });
  topic.user_kinds?.forEach((choice, index) => {
    if (choice.topic && !byId.has(choice.topic)) {
      throw new KnowledgeError(`${file}: field "user_kinds.${index}.topic" names unknown topic "${choice.topic}"`);
    }
  });
}
