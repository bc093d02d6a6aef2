import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml, dump as toYaml } from 'js-yaml';
import { createAnswerPath, DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { encodeTopicRef } from '../../src/cards/ids';
import type { Card } from '../../src/cards/types';
import { OUR_ADVICE_MARK } from '../../src/cards/who-can-help';
import { CARD_TEXT_BUDGET, OURS_MARK_ALLOWANCE, topicCardText } from '../../src/knowledge/card-text';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge';
import { TOPIC_ID_MAX } from '../../src/knowledge/schema';
import { blockKitProblems } from '../helpers/block-kit';
import { requiredTopicIds } from '../helpers/corpus';

/** Issue 12: the sections the current AWS pages added became topics under exactly these ids. */
const ADDED_BY_ISSUE_12 = [
  'root-password-reset-required',
  'root-password-recovery-disabled',
  'identity-center-console-error',
];

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
  const topic = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(topic);
  writeFileSync(file, toYaml(topic));
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

  it('has every topic id topics.md requires, and the three the current AWS pages added (22)', () => {
    const ids = corpus.topics.map((topic) => topic.id);
    const required = [...new Set([...requiredTopicIds(), ...ADDED_BY_ISSUE_12])];
    for (const id of required) expect(ids).toContain(id);
    expect(required).toHaveLength(22);
  });

  it('links only to https pages, cites at least one source section per topic, and every citation resolves', () => {
    for (const topic of corpus.topics) {
      expect(topic.links.length).toBeGreaterThan(0);
      for (const link of topic.links) expect(link.url).toMatch(/^https:\/\//);
      expect(topic.cited.length).toBeGreaterThan(0);
      for (const citation of topic.cited) expect(citation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/.+#.+/);
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
  it('an entry that cannot be read: a link to a file that is gone, a folder named like a topic file', () => {
    const folder = corpusCopy();
    symlinkSync(join(folder, 'no-such-file.yml'), join(folder, 'gone.yml'));
    mkdirSync(join(folder, 'a-folder.yml'));
    const message = errorOf(folder);
    expect(message).toMatch(/gone\.yml: cannot be read \(it does not exist/);
    expect(message).toMatch(/a-folder\.yml: cannot be read \(it is a folder, not a file/);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('a topic id too long to travel in a menu option (Slack takes 150 characters there)', () => {
    const folder = corpusCopy();
    const id = `close-${'a'.repeat(TOPIC_ID_MAX)}`;
    const source = readFileSync(join(folder, 'close-account.yml'), 'utf8');
    writeFileSync(join(folder, `${id}.yml`), source.replace('id: close-account', `id: ${id}`));
    expect(errorOf(folder)).toMatch(new RegExp(`${id}\\.yml: field "id" must be at most ${TOPIC_ID_MAX} characters`));
    // The longest id allowed, with any kind, question id and person, fits a menu option's value.
    const longest = encodeTopicRef({
      topicId: 'a'.repeat(TOPIC_ID_MAX),
      kind: 'identity-center',
      questionId: 10 ** 15 - 1,
      askerId: 'U'.repeat(32),
    });
    expect(longest.length).toBeLessThanOrEqual(150);
  });

  it('a topic whose fields are each within limits but whose card is more than a Slack message holds', () => {
    const folder = corpusCopy();
    const long = (n: number) => 'Sign in again with the console page & R&D Q&A notes. '.repeat(20).slice(0, n);
    editTopic(folder, 'close-account', (topic) => {
      topic.steps = Array.from({ length: 12 }, () => ({ text: long(600), ours: true }));
    });
    expect(errorOf(folder)).toMatch(
      new RegExp(
        `close-account\\.yml: its answer card would show \\d+ characters of text .* keep it to ${CARD_TEXT_BUDGET}`,
      ),
    );
  });

  it('a topic whose links\' addresses grow on the card (| and " are percent-encoded) is measured as the card shows them', () => {
    const folder = corpusCopy();
    // 12 steps of about 590 characters: within budget as typed, about twice Slack's limit once encoded.
    const link = `[x](https://a.example/${'|'.repeat(560)})`;
    editTopic(folder, 'close-account', (topic) => {
      topic.steps = Array.from({ length: 12 }, () => ({ text: `See ${link}`, ours: true }));
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: its answer card would show \d+ characters of text/);
  });

  it('leaves room for the mark on our own advice', () => {
    expect(OURS_MARK_ALLOWANCE).toBeGreaterThanOrEqual(OUR_ADVICE_MARK.length + 1);
  });

  it("a topic just within the card budget gives cards inside Slack's limits, for everyone and every kind", () => {
    const folder = corpusCopy();
    // Escaped text is longer ("&" is "&amp;"): fill to just under the budget, as Slack counts it.
    const filler = 'Q&A <notes> & R&D: sign in with the console page again. ';
    editTopic(folder, 'mfa-device-lost', (topic) => {
      const steps = (count: number, length: number) =>
        Array.from({ length: count }, () => ({ text: filler.repeat(12).slice(0, length), ours: true }));
      topic.steps = steps(12, 360);
      for (const choice of topic.user_kinds as Array<Record<string, unknown>>) choice.steps = steps(12, 360);
    });
    const path = createAnswerPath(
      {
        adminContact: `the IT service desk ${'(#aws-help, or call extension 4242) '.repeat(5)}`,
        accessPortalUrl: 'https://d-1234567890.awsapps.com/start',
        escalationChannel: 'C0ESCALATE',
      },
      folder,
    );
    const topic = path.corpus.byId.get('mfa-device-lost');
    if (!topic) throw new Error('no topic');
    expect(topicCardText(topic).length).toBeGreaterThan(CARD_TEXT_BUDGET - 1000);
    expect(topicCardText(topic).length).toBeLessThanOrEqual(CARD_TEXT_BUDGET);
    for (const kind of [undefined, 'root', 'iam']) {
      const card = path.answerer.topicCard({ topicId: topic.id, kind, questionId: 10 ** 14, askerId: 'U0ASKER01' });
      expect(blockKitProblems(card as Card)).toEqual([]);
    }
  });

  it('more people to go to than a card can list (each with its reason)', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      const [first] = topic.escalation as unknown[];
      topic.escalation = Array(7).fill(first);
    });
    expect(errorOf(folder)).toMatch(/close-account\.yml: field "escalation" must list at most 6 people to go to/);
  });

  it('an unquoted date where text belongs, named as a date', () => {
    const folder = corpusCopy();
    const file = join(folder, 'close-account.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: 2026-01-05'));
    expect(errorOf(folder)).toMatch(/close-account\.yml: field "summary" must be text, not a date \(put it in quotes/);
  });

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

  it('a clarify group that lists a topic twice (it would ask "which of these?" with one choice)', () => {
    const folder = corpusCopy();
    const file = join(folder, 'lexicon.yml');
    const lexicon = parseYaml(readFileSync(file, 'utf8')) as { clarify_groups: Array<{ topics: string[] }> };
    const [group] = lexicon.clarify_groups;
    if (!group) throw new Error('no clarify group');
    group.topics = ['mfa-device-lost', 'mfa-device-lost'];
    writeFileSync(file, toYaml(lexicon));
    expect(errorOf(folder)).toMatch(/lexicon\.yml: field "clarify_groups.0.topics" must list each topic once/);
  });

  it('a place other than AWS whose topic does not exist (its questions would have no answer)', () => {
    const folder = corpusCopy();
    const file = join(folder, 'lexicon.yml');
    const lexicon = parseYaml(readFileSync(file, 'utf8')) as { elsewhere: Array<{ topic: string }> };
    const [place] = lexicon.elsewhere;
    if (!place) throw new Error('no place in the lexicon');
    place.topic = 'amazon-shop';
    writeFileSync(file, toYaml(lexicon));
    expect(errorOf(folder)).toMatch(/lexicon\.yml: field "elsewhere\.0\.topic" names unknown topic "amazon-shop"/);
  });

  it('a missing lexicon, and a missing folder', () => {
    const folder = corpusCopy();
    rmSync(join(folder, 'lexicon.yml'));
    expect(errorOf(folder)).toMatch(/lexicon\.yml: file is missing/);
    expect(errorOf(join(folder, 'nope'))).toMatch(/knowledge folder not found/);
  });

  it('names every broken file at once, each with its field, in plain words', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      delete topic.summary;
    });
    editTopic(folder, 'report-fraud', (topic) => {
      topic.escalation = [{ contact: 'aws-support', reason: 'x', colour: 'blue' }];
    });
    const message = errorOf(folder);
    expect(message).toMatch(/close-account\.yml: field "summary" is missing/);
    expect(message).toMatch(/report-fraud\.yml: field "escalation\.0" has a field this file can't have: colour/);
    expect(message).not.toMatch(/Invalid input|expected string|Unrecognized key/);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('a cited section sources.yml does not list', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      (topic.steps as Array<Record<string, unknown>>)[0] = { text: 'Do it.', source: 'sign-in-guide#no-such-section' };
    });
    expect(errorOf(folder)).toMatch(
      /close-account\.yml: field "steps\.0\.source" cites "sign-in-guide#no-such-section", a section sources\.yml does not list/,
    );
  });

  it('a kind of user’s reason citing an unlisted section, second of two, and its step linking to http://', () => {
    const folder = corpusCopy();
    editTopic(folder, 'mfa-device-lost', (topic) => {
      const root = (topic.user_kinds as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
      const reason = (root.escalation as Array<Record<string, unknown>>)[1] as Record<string, unknown>;
      reason.source = ['sign-in-guide#troubleshoot-MFA-issues', 'sign-in-guide#gone'];
      (root.steps as Array<Record<string, unknown>>)[2] = { text: 'See http://example.com/mfa.', ours: true };
    });
    const message = errorOf(folder);
    expect(message).toMatch(
      /mfa-device-lost\.yml: field "user_kinds\.0\.escalation\.1\.source\.1" cites "sign-in-guide#gone", a section sources\.yml does not list/,
    );
    expect(message).toMatch(
      /mfa-device-lost\.yml: field "user_kinds\.0\.steps\.2" links to http:\/\/example\.com\/mfa\.: use the https:\/\/ address/,
    );
  });

  it('a plain http:// link, in the links list or inside a step', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      (topic.links as Array<Record<string, unknown>>)[0] = { title: 'Old', url: 'http://aws.amazon.com/x/' };
    });
    editTopic(folder, 'report-fraud', (topic) => {
      (topic.steps as Array<Record<string, unknown>>)[0] = { text: 'See [x](http://aws.amazon.com/y/).', ours: true };
    });
    const message = errorOf(folder);
    expect(message).toMatch(/close-account\.yml: field "links\.0\.url" must be a full https:\/\/ address/);
    expect(message).toMatch(
      /report-fraud\.yml: field "steps\.0" links to http:\/\/aws\.amazon\.com\/y\/: use the https:\/\/ address/,
    );
  });

  it('a step that claims both a source and to be our own advice', () => {
    const folder = corpusCopy();
    editTopic(folder, 'close-account', (topic) => {
      (topic.steps as Array<Record<string, unknown>>)[0] = {
        text: 'x',
        source: 'sign-in-guide#troubleshoot-other-issues',
        ours: true,
      };
    });
    expect(errorOf(folder)).toMatch(/field "steps\.0" has both source and ours/);
  });

  it('a missing or broken sources file', () => {
    const folder = corpusCopy();
    writeFileSync(
      join(folder, 'sources.yml'),
      'pages:\n  - id: x\n    title: X\n    url: http://example.com/\n    read: yesterday\n    sections: []\n',
    );
    const message = errorOf(folder);
    expect(message).toMatch(/sources\.yml: .*field "pages\.0\.url" must be a full https:\/\/ address/);
    expect(message).toMatch(/field "pages\.0\.read" must be a date written YYYY-MM-DD/);
    rmSync(join(folder, 'sources.yml'));
    expect(errorOf(folder)).toMatch(/sources\.yml: file is missing/);
  });
});

it('loads a topic file whose extension is in capitals (vpn.YML), instead of leaving it out without a word', () => {
  const folder = corpusCopy();
  copyFileSync(
    join(__dirname, '..', 'fixtures', 'admin-topics', 'github-sso-access.yml'),
    join(folder, 'github-sso-access.YML'),
  );
  expect(loadKnowledge(folder).byId.has('github-sso-access')).toBe(true);
});
