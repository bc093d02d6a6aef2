// An organisation adds topics of its own to knowledge/. A topic about a product the lexicon lists as
// another product (`foreign`: github, jira, slack...) was never answered, not even for its own example
// questions, and nothing said why: a product a topic names in its title is that topic's subject.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerPath, DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';

const ADMIN_TOPICS = join(__dirname, '..', 'fixtures', 'admin-topics');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'admin-topics-'));
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(folder, name));
  for (const name of readdirSync(ADMIN_TOPICS)) copyFileSync(join(ADMIN_TOPICS, name), join(folder, name));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("answers an organisation's GitHub topic for questions worded like its own, although github is on the foreign list", () => {
  const { matcher, corpus } = createAnswerPath({}, folder);
  expect(corpus.lexicon.foreign).toContain('github');
  for (const question of ["I'm locked out of github", 'github sso keeps failing', 'who adds me to our github org']) {
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', topic: { id: 'github-sso-access' } });
  }
});

it('still rejects a GitHub question in the shipped corpus, which has no such topic', () => {
  const { matcher } = createAnswerPath({});
  expect(matcher.match("I'm locked out of github").kind).toBe('fallback');
});

it("keeps rejecting certificate questions in the shipped corpus, whose Identity Center topic lists 'saml certificate' among its keywords", () => {
  const { matcher } = createAnswerPath({});
  for (const question of ['how do I renew my ACM certificate', 'certificate error when I open the website']) {
    expect(matcher.match(question).kind).toBe('fallback');
  }
});

it("counts a developer's word as evidence once an organisation's topic uses it, not as a hint of another task", () => {
  const question = "I can't see the company repositories";
  const shipped = createAnswerPath({}).matcher.read(question).whole;
  const withOwnTopic = createAnswerPath({}, folder).matcher.read(question).whole;
  expect(shipped.developerTerms).toBe(1);
  expect(withOwnTopic.developerTerms).toBe(0);
  expect(createAnswerPath({}, folder).matcher.match(question)).toMatchObject({
    kind: 'answer',
    topic: { id: 'github-sso-access' },
  });
});
