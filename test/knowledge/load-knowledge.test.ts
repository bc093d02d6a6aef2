import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge';
import { requiredTopicIds } from '../helpers/corpus';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the real corpus to break one file of. */
function corpusCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'knowledge-'));
  folders.push(folder);
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(folder, name));
  return folder;
}

function editTopic(folder: string, id: string, edit: (topic: Record<string, unknown>) => void): string {
  const file = join(folder, `${id}.yml`);
  const topic = YAML.parse(require('node:fs').readFileSync(file, 'utf8'));
  edit(topic);
  writeFileSync(file, YAML.stringify(topic));
  return file;
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

describe('the shipped corpus', () => {
  const corpus = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);

  it('has every topic id topics.md requires', () => {
    const ids = corpus.topics.map((topic) => topic.id);
    for (const id of requiredTopicIds()) expect(ids).toContain(id);
    expect(requiredTopicIds()).toHaveLength(19);
  });

  it('links only to https or http pages and names at least one source per topic', () => {
    for (const topic of corpus.topics) {
      expect(topic.links.length).toBeGreaterThan(0);
      for (const link of topic.links) expect(link.url).toMatch(/^https?:\/\//);
    }
  });

  it('keeps the escalation rules the sources give', () => {
    const reasons = (id: string) => JSON.stringify(corpus.byId.get(id)?.escalation);
    expect(reasons('iam-password-reset')).toMatch(/(can't|doesn't have access to) view, provide,? or change/i);
    expect(reasons('find-account-id')).toMatch(/AWS Support can't/i);
    expect(reasons('access-portal-credentials')).toMatch(/AWS Support can't/i);
    expect(reasons('mfa-device-lost')).toMatch(/AWS Support can't assist IAM users/i);
    expect(JSON.stringify(corpus.byId.get('contact-aws-support'))).toMatch(/phone number/i);
  });
});

describe('a broken knowledge folder stops the app with a message naming file and field', () => {
  it('a missing field', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      delete topic.steps;
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: field "steps"/);
  });

  it('an unknown related id', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      topic.related = ['no-such-topic'];
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: field "related\.0" names unknown topic "no-such-topic"/);
  });

  it('a duplicate id', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      topic.id = 'report-fraud';
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: id "report-fraud"/);
  });

  it('a second file for the same topic', () => {
    const folder = corpusCopy();
    copyFileSync(join(folder, 'close-account.yml'), join(folder, 'close-account.yaml'));
    expect(errorOf(folder)).toMatch(/close-account\.ya?ml: duplicate topic id "close-account"/);
  });

  it('malformed YAML', () => {
    const folder = corpusCopy();
    writeFileSync(join(folder, 'close-account.yml'), 'id: close-account\ntitle: [unclosed\n');
    expect(errorOf(folder)).toMatch(/close-account\.yml: not valid YAML/);
  });

  it('a wrong kind of value, and an unknown escalation contact', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      topic.escalation = [{ contact: 'the-internet', reason: 'x' }];
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: field "escalation\.0\.contact"/);
  });

  it('a missing lexicon, and a missing folder', () => {
    const folder = corpusCopy();
    rmSync(join(folder, 'lexicon.yml'));
    expect(errorOf(folder)).toMatch(/lexicon\.yml: file is missing/);
    expect(errorOf(join(folder, 'nope'))).toMatch(/knowledge folder not found/);
  });
});
