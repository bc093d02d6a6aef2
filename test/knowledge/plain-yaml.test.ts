// The loader reads plain YAML without js-yaml (plain-yaml.ts) and leaves anything else to js-yaml. Both
// must agree: whatever the fast reader returns, js-yaml loads the same text to the very same value (types
// and key order included); and every topic file, shipped or generated, takes the fast path.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_SCHEMA, type DumpOptions, dump, load, type Type } from 'js-yaml';
import { writeGrowthCorpus } from '../../bench/growth-corpus';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { LEXICON_FILE, SOURCES_FILE } from '../../src/knowledge/load-knowledge';
import { MAYBE_IMPLICIT, parsePlainYaml } from '../../src/knowledge/plain-yaml';

/** js-yaml's value, or the error it throws. */
function jsYaml(text: string): { value: unknown } | { error: unknown } {
  try {
    return { value: load(text) };
  } catch (error) {
    return { error };
  }
}

/** Whether the fast reader took the text; when it did, js-yaml loads it to the same value. */
function expectAgreement(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (fast === undefined) return false;
  const loaded = jsYaml(text);
  expect(loaded).toHaveProperty('value');
  const value = (loaded as { value: unknown }).value;
  expect(fast).toStrictEqual(value);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(value));
  return true;
}

const isTopicFile = (name: string) => name.endsWith('.yml') && name !== LEXICON_FILE && name !== SOURCES_FILE;
const shippedTexts = readdirSync(DEFAULT_KNOWLEDGE_DIR)
  .filter((name) => name.endsWith('.yml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), 'utf8') }));

describe('parsePlainYaml, the loader’s fast path for plain YAML', () => {
  it('reads every shipped topic file as js-yaml does (the lexicon and sources may go to js-yaml)', () => {
    for (const { name, text } of shippedTexts) {
      const fast = expectAgreement(text);
      if (isTopicFile(name)) expect([name, fast]).toEqual([name, true]);
    }
  });

  it('reads every topic file of a corpus grown to 500 topics as js-yaml does', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plain-yaml-'));
    try {
      writeGrowthCorpus(DEFAULT_KNOWLEDGE_DIR, folder, 500);
      const names = readdirSync(folder).filter(isTopicFile);
      expect(names).toHaveLength(500);
      for (const name of names) expect(expectAgreement(readFileSync(join(folder, name), 'utf8'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'plain, quoted and flow values',
      'a: plain text\nb: "say \\"hi\\" \\\\ ok"\nc: \'it\'\'s\'\nd: [x, y-z, p#q]\ne: []\n',
    ],
    [
      'values js-yaml reads as other types',
      'a: true\nb: ~\nc: 12\nd: 1.5e3\ne: 2026-11-26\nf: [1, null, False]\ng: <<\n',
    ],
    ['nested blocks and comments', '# top\nk:\n  # inside\n  - one\n\n  - x: 1\n    y:\n      - deep\nz: end  \n'],
    ['a URL and a colon without a space', 'url: https://example.com/a#b\nt: 10:30am\n'],
    ['trailing spaces after other space characters', 'a: no-break\u00a0 \nb: ideographic\u3000\n'],
  ])('reads %s as js-yaml does', (_, text) => {
    expect(expectAgreement(text)).toBe(true);
  });

  it.each([
    ['a tab', 'a:\tb\n'],
    ['a carriage return', 'a: b\r\n'],
    ['a byte order mark', '\ufeffa: b\n'],
    ['a comment after a value', 'a: b # c\n'],
    ['a scalar over two lines', 'a: b\n  c\n'],
    ['a block scalar', 'a: |\n  b\n'],
    ['an anchor', 'a: &x b\n'],
    ['an alias', 'a: b\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a key js-yaml reads as true', 'True: 1\n'],
    ['a sequence as indented as its key', 'a:\n- b\n'],
    ['a key with nothing below it', 'a:\nb: c\n'],
    ['a sequence item with its value on the lines below', 'a:\n  -\n    b: c\n'],
    ['a mapping value on the key’s line', 'a: b: c\n'],
    ['an escape other than \\" and \\\\', 'a: "b\\nc"\n'],
    ['an unterminated quote', 'a: "b\n'],
    ['a flow mapping', 'a: {b: c}\n'],
    ['a flow list of phrases', 'a: [b c, d]\n'],
    ['a document marker', '---\na: b\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['nothing', '# only a comment\n'],
    ['a plain scalar as the document', 'just text\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it('asks js-yaml’s implicit types only about text they might take (MAYBE_IMPLICIT misses none)', () => {
    const implicit = (DEFAULT_SCHEMA as unknown as { compiledImplicit: Type[] }).compiledImplicit;
    expect(implicit.length).toBeGreaterThan(0);
    const taken = (text: string) => implicit.some((type) => type.resolve(text));
    // Words YAML 1.1 or other loaders read as booleans or null, in case js-yaml ever does too.
    const words = ['yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'off', 'Off', 'y', 'Y', 'n', 'N', 'nil', 'None'];
    for (const word of [...TRICKY, ...words])
      if (taken(word)) expect([word, MAYBE_IMPLICIT.test(word)]).toEqual([word, true]);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[-+.0-9_eExXoObB:T ~<a-fA-F]{0,14}$/)),
        (text) => {
          if (taken(text)) expect(MAYBE_IMPLICIT.test(text)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  /** Strings that mean something in YAML, or look as if they might. */
  const TRICKY = [
    '',
    ' ',
    'plain',
    ' leading',
    'trailing ',
    'true',
    'True',
    'null',
    '~',
    'yes',
    'no',
    'on',
    '12',
    '0x1F',
    '1_000',
    '1e3',
    '.inf',
    '.NaN',
    '-1',
    '+1',
    '2026-11-26',
    '2026-11-26T10:00:00Z',
    '<<',
    'a: b',
    'a:b',
    'a #b',
    'a#b',
    '#c',
    '- x',
    '-x',
    '? x',
    ':x',
    '[a]',
    '{a}',
    '&a',
    '*a',
    '!a',
    '|',
    '>',
    '%a',
    '@a',
    '`a`',
    "it's",
    'say "hi"',
    'back\\slash',
    'tab\there',
    'new\nline',
    'crlf\r\n',
    'nbsp\u00a0',
    '\u3000wide',
    'emoji 😀',
    'パスワード',
    'line\u2028sep',
    'bom\ufeff',
    'nel\u0085',
    'ctl\u0007',
    'https://example.com/a#b?c',
    'a, b',
  ];
  // Mostly text of the kind knowledge files hold, so that many documents are plain enough to compare.
  const text = fc.oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z][\w ,.'"?()#:/-]{0,30}$/), weight: 4 },
    { arbitrary: fc.constantFrom(...TRICKY), weight: 2 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
  );
  const key = fc.oneof(
    { arbitrary: fc.constantFrom('id', 'title', 'steps', 'source', 'ours', 'a_b', 'x1'), weight: 4 },
    { arbitrary: fc.constantFrom('True', 'null', '__proto__', 'a b', '1', '<<', 'a:b', '-a'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 5 }), weight: 1 },
  );
  const document = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.constantFrom(true, false, null, 0, 1.5),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const dumpOptions: fc.Arbitrary<DumpOptions> = fc.record({
    indent: fc.constantFrom(2, 4),
    noArrayIndent: fc.boolean(),
    flowLevel: fc.constantFrom(-1, -1, -1, 1, 2),
    lineWidth: fc.constantFrom(-1, 20, 80),
    quotingType: fc.constantFrom("'" as const, '"' as const),
    forceQuotes: fc.constantFrom(false, false, true),
    noCompatMode: fc.boolean(),
  });

  it('agrees with js-yaml on random documents written by js-yaml', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.dictionary(key, document, { minKeys: 1, maxKeys: 5 }), dumpOptions, (value, options) => {
        if (expectAgreement(dump(value, options))) fast++;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(300);
  });

  /** Characters that change what YAML means. */
  const SIGNIFICANT = [
    ' ',
    '  ',
    '\n',
    '\t',
    ':',
    ': ',
    '#',
    ' #',
    '-',
    '- ',
    '"',
    "'",
    '\\',
    '[',
    ']',
    ',',
    '{',
    '&',
    '*',
    '!',
    '|',
    '>',
    '~',
    '1',
    'x',
    '\r',
  ];

  it('agrees with js-yaml on shipped topic files edited at random', () => {
    const topics = shippedTexts.filter(({ name }) => isTopicFile(name));
    let fast = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: topics.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...SIGNIFICANT)), {
          minLength: 1,
          maxLength: 3,
        }),
        (fileIndex, edits) => {
          let edited = topics[fileIndex]?.text as string;
          for (const [position, how, piece] of edits) {
            const at = position % (edited.length + 1);
            if (how === 0) edited = edited.slice(0, at) + piece + edited.slice(at);
            else if (how === 1) edited = edited.slice(0, at) + piece + edited.slice(at + 1);
            else edited = edited.slice(0, at) + edited.slice(at + piece.length);
          }
          if (expectAgreement(edited)) fast++;
          else if ('error' in jsYaml(edited)) expect(parsePlainYaml(edited)).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(200);
  });
});
