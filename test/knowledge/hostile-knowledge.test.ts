// Knowledge files an administrator got wrong, or someone wrote to hurt: markup hidden in links and
// titles never becomes live in a card (blocks or notification text), and a file of aliases or a huge file
// stops the app at start with a KnowledgeError naming the file, quickly, instead of eating memory.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml, dump as toYaml } from 'js-yaml';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { buildAnswerCard } from '../../src/cards/build-answer-card';
import { buildClarifyCard } from '../../src/cards/build-clarify-card';
import { buildStillStuckCard } from '../../src/cards/build-still-stuck-card';
import { buildSupportCard } from '../../src/cards/build-support-card';
import { KnowledgeError, loadKnowledge, YAML_LIMITS } from '../../src/knowledge/load-knowledge';
import type { Topic } from '../../src/knowledge/schema';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function corpusCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'knowledge-hostile-'));
  folders.push(folder);
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(folder, name));
  return folder;
}

function errorOf(folder: string): string {
  try {
    loadKnowledge(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the corpus to be rejected');
}

const topicFile = (folder: string) => join(folder, 'mfa-device-lost.yml');
const readTopic = (folder: string) => parseYaml(readFileSync(topicFile(folder), 'utf8')) as Record<string, unknown>;

/** Every mrkdwn text object in some blocks, however deep. */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = object.type === 'mrkdwn' && typeof object.text === 'string' ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}

/** Anything Slack would turn into a ping or a link an administrator did not write. */
const LIVE_MARKUP = /<!(channel|here|everyone)|<!subteam|<@U|<https?:\/\/evil/;

describe('markup in knowledge never goes live', () => {
  const topic = loadKnowledge(DEFAULT_KNOWLEDGE_DIR).byId.get('mfa-device-lost') as Topic;
  const hostile: Topic = {
    ...topic,
    title: 'Lost MFA <!channel> <@U0BOSS001>',
    summary: 'Ping <!here> & <https://evil.example|click>',
    links: [
      { title: 'AWS docs <!everyone>', url: 'https://docs.aws.amazon.com/x>|<!channel>' },
      { title: 'Other | page', url: 'https://docs.aws.amazon.com/y|<!here>' },
    ],
  };
  const cards = {
    answer: buildAnswerCard(hostile, { context: {}, related: [] }),
    clarify: buildClarifyCard([hostile, topic], 'lost mfa'),
    'still stuck': buildStillStuckCard(hostile, hostile.escalation, {}, undefined),
    support: buildSupportCard(hostile),
  };

  it.each(Object.entries(cards))('%s card: not in its blocks, not in its notification text', (_name, card) => {
    expect(card.text).not.toMatch(LIVE_MARKUP);
    // Slack renders markup in mrkdwn text objects; plain_text (headers, buttons) shows it as typed.
    const rendered = mrkdwnTexts(card.blocks);
    expect(rendered.length).toBeGreaterThan(0);
    for (const text of rendered) expect(text).not.toMatch(LIVE_MARKUP);
  });

  it("a link's > and | stay inside its address, percent-encoded", () => {
    const sources = JSON.stringify(cards.answer.blocks);
    expect(sources).toContain('<https://docs.aws.amazon.com/x%3E%7C%3C!channel%3E|AWS docs &lt;!everyone&gt;>');
  });
});

describe('knowledge files refused at start, naming the file', () => {
  it('a links[].url holding > or | ', () => {
    const folder = corpusCopy();
    const topic = readTopic(folder);
    topic.links = [{ title: 'docs', url: 'https://docs.aws.amazon.com/a>|<!channel>' }];
    writeFileSync(topicFile(folder), toYaml(topic));
    const message = errorOf(folder);
    expect(message).toContain(topicFile(folder));
    expect(message).toContain('links.0.url');
  });

  it('a file of aliases to aliases (a "billion laughs"), refused in well under a second of work', () => {
    const folder = corpusCopy();
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 12; level++) {
      lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]`);
    }
    writeFileSync(topicFile(folder), `${lines.join('\n')}\n`);
    const message = errorOf(folder);
    expect(message).toContain(topicFile(folder));
    expect(message).toMatch(/aliases/);
  });

  it('a few aliases each expanding to many values', () => {
    const folder = corpusCopy();
    const big = `[${Array.from({ length: 2000 }, (_, i) => `"v${i}"`).join(', ')}]`;
    const lines = [`base: &b ${big}`, `more: [${Array.from({ length: 20 }, () => '*b').join(', ')}]`];
    writeFileSync(topicFile(folder), `${lines.join('\n')}\n`);
    expect(errorOf(folder)).toMatch(new RegExp(`mfa-device-lost.yml: more than ${YAML_LIMITS.values} values`));
  });

  it('a file larger than a knowledge file may be, named with its size; one at the limit is read', () => {
    const folder = corpusCopy();
    writeFileSync(topicFile(folder), `id: mfa-device-lost\nsummary: "${'x'.repeat(3 * YAML_LIMITS.fileBytes)}"\n`);
    expect(errorOf(folder)).toMatch(/mfa-device-lost.yml: file is 769 KB, more than the 256 KB/);
    // Exactly the limit: read, and rejected for what it holds (a summary too long), not for its size.
    const atLimit = `id: mfa-device-lost\nsummary: "${'x'.repeat(YAML_LIMITS.fileBytes - 32)}"\n`;
    expect(Buffer.byteLength(atLimit)).toBe(YAML_LIMITS.fileBytes);
    writeFileSync(topicFile(folder), atLimit);
    const message = errorOf(folder);
    expect(message).not.toMatch(/KB, more than/);
    expect(message).toMatch(/mfa-device-lost.yml: .*field "summary" must be at most 300 characters long/);
  });

  it('nesting deeper than any topic needs', () => {
    const folder = corpusCopy();
    writeFileSync(topicFile(folder), `x: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    expect(errorOf(folder)).toMatch(/mfa-device-lost.yml: not valid YAML/);
  });
});

// Mistakes an administrator adding their own topics made, found by trying it: each loaded before, silently
// wrong (or, for a named pipe, hung start-up for ever), and each is now refused at start naming the file.
describe('files and fields that loaded wrongly before are refused, naming the file', () => {
  it('a file that is not UTF-8 (a Latin-1 "é")', () => {
    const folder = corpusCopy();
    const text = readFileSync(topicFile(folder), 'utf8').replace('title: My MFA device', 'title: Mon appareil MFA é');
    writeFileSync(topicFile(folder), Buffer.from(text, 'latin1'));
    expect(errorOf(folder)).toMatch(/mfa-device-lost\.yml: is not UTF-8 text/);
  });

  it('a named pipe called like a topic file, instead of waiting for ever', () => {
    const folder = corpusCopy();
    const made = spawnSync('mkfifo', [join(folder, 'pipe.yml')]);
    if (made.status !== 0) return; // no mkfifo on this system: nothing to test
    expect(errorOf(folder)).toMatch(/pipe\.yml: cannot be read \(it is not a regular file/);
  });

  it('a link to HTTP:// in capitals', () => {
    const folder = corpusCopy();
    const topic = readTopic(folder);
    (topic.steps as Array<Record<string, unknown>>)[0] = { text: 'See HTTP://wiki.example.com/vpn', ours: true };
    writeFileSync(topicFile(folder), toYaml(topic));
    expect(errorOf(folder)).toMatch(/field "steps\.0" links to HTTP:\/\/wiki\.example\.com\/vpn: use the https:\/\//);
  });

  it('two user_kinds entries for the same kind (the second one could never be shown)', () => {
    const folder = corpusCopy();
    const topic = readTopic(folder);
    const kinds = topic.user_kinds as Array<Record<string, unknown>>;
    kinds.push({ ...kinds[0], label: 'Also the root user' });
    writeFileSync(topicFile(folder), toYaml(topic));
    expect(errorOf(folder)).toMatch(/mfa-device-lost\.yml: field "user_kinds\.2\.kind" repeats "root"/);
  });

  it('a synonym listed under two words (the last one silently won)', () => {
    const folder = corpusCopy();
    const file = join(folder, 'lexicon.yml');
    const lexicon = parseYaml(readFileSync(file, 'utf8')) as { synonyms: Record<string, string[]> };
    lexicon.synonyms.vpn = ['globalprotect', '2fa'];
    writeFileSync(file, toYaml(lexicon));
    expect(errorOf(folder)).toMatch(
      /lexicon\.yml: field "synonyms\.vpn\.1" lists "2fa", which "synonyms\.mfa\.\d+" already lists/,
    );
  });
});
