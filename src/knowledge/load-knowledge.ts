// Loads and validates the knowledge corpus: every `*.yml` topic file in a folder, plus its lexicon.
// Anything wrong stops the app with a KnowledgeError that names the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { type Lexicon, lexiconSchema } from './lexicon-schema';
import { type Topic, topicSchema } from './schema';

export const LEXICON_FILE = 'lexicon.yml';

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
  return { topics, byId, lexicon };
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(`${file}: not valid YAML (${reason})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `field "${issue.path.join('.') || '(top level)'}" ${issue.message}`,
    );
    throw new KnowledgeError(`${file}: ${problems.join('; ')}`);
  }
  return result.data;
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
