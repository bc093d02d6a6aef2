// Reads the plain YAML knowledge files are written in, without js-yaml: at 2,000 topics js-yaml took
// about a sixth of one `npm run ask`, most of it before the JIT warmed up. Only a strict subset is read
// here: block mappings of simple keys, block sequences, one-line scalars (plain, "double-quoted" without
// escapes, 'single-quoted') and one-line flow lists of simple words ([root, iam]), indented with
// spaces, with comment lines. Everything else (a tab, an anchor or alias, a tag, a block scalar, a
// scalar over several lines, an escape, a comment after a value, a plain scalar js-yaml would read as
// a number, a date, true or null...) returns undefined, and js-yaml reads the file as before: it alone
// reports a mistake, so every message is its own. test/knowledge/plain-yaml.test.ts holds the two
// together.
import { DEFAULT_SCHEMA, type Type } from 'js-yaml';

/**
 * What js-yaml's default schema (the one the loader reads with) may make of a plain scalar instead of a
 * string: null, true, 12, 1e3, 2026-11-26, <<. Its own list, the one its loader tries; were it ever
 * missing, nothing would be read here.
 */
const IMPLICIT: readonly Type[] | undefined = (DEFAULT_SCHEMA as unknown as { compiledImplicit?: Type[] })
  .compiledImplicit;

/** Thrown (and caught below) at the first thing left to js-yaml. */
const NOT_SURE = Symbol('left to js-yaml');
const notSure = (): never => {
  throw NOT_SURE;
};

/**
 * Anything but line feeds, printable ASCII and printable Unicode (surrogates only in pairs): a tab, a
 * carriage return, control characters, a byte order mark, NEL and the Unicode line separators.
 */
const UNUSUAL_CHARACTER =
  /[^\n\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?:[^\ud800-\udbff]|^)[\udc00-\udfff]/;
/** A key as the files write them, then `:` and a space or the end of the line (sticky: tested where a line's text starts). */
const KEY = /[A-Za-z_][A-Za-z0-9_]*:(?: |\n|$)/y;
/** The first character of a node that is not a plain scalar, or not one read here. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** A word in a flow list. */
const FLOW_WORD = /^[A-Za-z0-9][A-Za-z0-9_#-]*$/;
/** Deeper than any topic file (topic, user_kinds, a kind, its steps, a step). */
const MAX_DEPTH = 8;

/**
 * The document's content lines (blank and comment lines left out), by position in the text: where each
 * one's text starts and ends (trailing spaces left out: spaces only, YAML's other spaces are text) and
 * its indentation. No string is made for a line; only keys and values become strings.
 */
interface Reader {
  source: string;
  start: number[];
  end: number[];
  indent: number[];
  /** The next line to read. */
  at: number;
}

/** The document, as js-yaml would load it; undefined when js-yaml must read it. */
export function parsePlainYaml(source: string): unknown {
  if (!Array.isArray(IMPLICIT) || UNUSUAL_CHARACTER.test(source)) return undefined;
  const reader: Reader = { source, start: [], end: [], indent: [], at: 0 };
  for (let from = 0; from <= source.length; ) {
    let newline = source.indexOf('\n', from);
    if (newline < 0) newline = source.length;
    const textStart = spacesFrom(source, from);
    if (textStart < newline && source.charCodeAt(textStart) !== HASH) {
      let textEnd = newline;
      while (source.charCodeAt(textEnd - 1) === SPACE) textEnd--;
      reader.start.push(textStart);
      reader.end.push(textEnd);
      reader.indent.push(textStart - from);
    }
    from = newline + 1;
  }
  if (reader.start.length === 0 || reader.indent[0] !== 0) return undefined;
  try {
    const value = node(reader, 0, 0);
    return reader.at === reader.start.length ? value : undefined;
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;

/** Where the run of spaces starting at `from` ends. */
function spacesFrom(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Whether a key (then ":" and a space or the line's end) starts at `at`. */
function keyAt(reader: Reader, at: number): boolean {
  KEY.lastIndex = at;
  return KEY.test(reader.source);
}

/** Whether the line is a sequence item: "-", or "- " and more. */
function itemLine(reader: Reader, line: number): boolean {
  const start = reader.start[line] as number;
  const end = reader.end[line] as number;
  return (
    reader.source.charCodeAt(start) === DASH && (end === start + 1 || reader.source.charCodeAt(start + 1) === SPACE)
  );
}

/** The mapping or sequence whose first line (`reader.at`) is indented by `indent`. */
function node(reader: Reader, indent: number, depth: number): unknown {
  if (depth > MAX_DEPTH) notSure();
  return itemLine(reader, reader.at) ? sequence(reader, indent, depth) : mapping(reader, indent, depth);
}

/** The indentation of the next line, or -1 at the end. */
const nextIndent = (reader: Reader): number => reader.indent[reader.at] ?? -1;

function mapping(reader: Reader, indent: number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { source } = reader;
  while (nextIndent(reader) === indent) {
    const start = reader.start[reader.at] as number;
    const end = reader.end[reader.at] as number;
    if (!keyAt(reader, start)) return notSure();
    // The key ends at its ":" (key characters include none).
    const colon = source.indexOf(':', start);
    const name = source.slice(start, colon);
    // A key js-yaml reads as something else (True, null), __proto__, or one already given.
    if (name === '__proto__' || Object.hasOwn(out, name) || resolvesImplicitly(name)) notSure();
    const restStart = spacesFrom(source, colon + 1);
    reader.at++;
    if (restStart >= end) {
      // A block below the key, indented further: a key with nothing below it is null, and a sequence
      // as indented as its key is left to js-yaml.
      const childIndent = nextIndent(reader);
      if (childIndent <= indent) notSure();
      out[name] = node(reader, childIndent, depth + 1);
    } else out[name] = scalar(source.slice(restStart, end));
    // Anything left more indented is a scalar over several lines, or a mistake.
    if (nextIndent(reader) > indent) notSure();
  }
  return out;
}

function sequence(reader: Reader, indent: number, depth: number): unknown[] {
  const out: unknown[] = [];
  const { source } = reader;
  while (nextIndent(reader) === indent) {
    const start = reader.start[reader.at] as number;
    const end = reader.end[reader.at] as number;
    // "- " and a value ("-" alone, a block below it, is left to js-yaml).
    if (!itemLine(reader, reader.at) || end === start + 1) return notSure();
    const restStart = spacesFrom(source, start + 2);
    const restIndent = indent + restStart - start;
    if (keyAt(reader, restStart)) {
      // "- text: ...": a mapping whose first key is on the item's line.
      reader.start[reader.at] = restStart;
      reader.indent[reader.at] = restIndent;
      out.push(mapping(reader, restIndent, depth + 1));
    } else {
      out.push(scalar(source.slice(restStart, end)));
      reader.at++;
    }
    if (nextIndent(reader) > indent) notSure();
  }
  return out;
}

/** A value on one line: a quoted or plain string, or a flow list of words. */
function scalar(text: string): unknown {
  const first = text[0];
  const last = text[text.length - 1];
  if (first === '"') return doubleQuoted(text);
  if (first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || last !== "'" || inner.replaceAll("''", '').includes("'")) notSure();
    return inner.replaceAll("''", "'");
  }
  if (first === '[') {
    if (last !== ']') notSure();
    const inner = text.slice(1, -1);
    if (spacesFrom(inner, 0) === inner.length) return [];
    return inner.split(',').map((item) => {
      const word = item.replace(/^ +| +$/g, '');
      if (!FLOW_WORD.test(word)) notSure();
      return plain(word);
    });
  }
  if (INDICATOR.test(text)) notSure();
  // ": " would start a mapping, " #" a comment; a ":" at the end ends a key.
  if (text.includes(': ') || text.includes(' #') || last === ':') notSure();
  return plain(text);
}

/**
 * Whether js-yaml might read the text as other than a string: its implicit types (null, bool, int,
 * float, timestamp, merge) only take "", "~", "null", "true", "false" in their spellings, numbers,
 * dates and "<<". Anything starting otherwise is a string, without asking each type (the test suite
 * holds this to js-yaml's own types).
 */
export const MAYBE_IMPLICIT = /^(?:[-+.0-9~<nNtTfF]|$)/;

const resolvesImplicitly = (text: string): boolean =>
  MAYBE_IMPLICIT.test(text) && (IMPLICIT as readonly Type[]).some((type) => type.resolve(text));

/** A plain scalar as js-yaml reads it: the first of its implicit types that takes it (true, 12), else the text. */
function plain(text: string): unknown {
  if (!MAYBE_IMPLICIT.test(text)) return text;
  for (const type of IMPLICIT as readonly Type[]) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** "text" on one line, where only \" and \\ are escaped (any other escape is left to js-yaml). */
function doubleQuoted(text: string): string {
  if (text.length < 2 || text[text.length - 1] !== '"') notSure();
  const inner = text.slice(1, -1);
  if (!inner.includes('\\')) {
    if (inner.includes('"')) notSure();
    return inner;
  }
  let out = '';
  for (let at = 0; at < inner.length; at++) {
    let char = inner[at] as string;
    if (char === '"') notSure();
    if (char === '\\') {
      char = inner[++at] ?? '';
      if (char !== '"' && char !== '\\') notSure();
    }
    out += char;
  }
  return out;
}
