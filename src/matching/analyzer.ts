// Turns text into the terms the matcher compares: lower-case words, typos corrected against the
// corpus vocabulary (with Fuse.js), stemmed, synonyms folded onto one canonical word, stop words gone.
// The corpus and the questions go through the same steps, so "2fa codes" and "MFA code" meet.
import Fuse from 'fuse.js';
import type { Lexicon } from '../knowledge/lexicon-schema';
import { editDistance } from './edit-distance';
import { stem } from './stem';

/** Questions longer than this are matched on their first words only: enough to know the topic. */
export const MAX_QUESTION_WORDS = 120;
const MIN_CORRECTABLE_LENGTH = 4;
/** A question with this many of `other_language_stopwords` is read as written in another language. */
const MIN_OTHER_LANGUAGE_WORDS = 2;
const QUESTION_TERM_CACHE_LIMIT = 20_000;
const NEGATIONS = new Set(['not', 'without']);

export interface Analyzer {
  /** A question from a person: typos are corrected before anything else. */
  analyzeQuestion(text: string): string[];
  /** Text from the corpus itself: no typo correction. */
  analyzeCorpusText(text: string): string[];
  /**
   * `analyzeCorpusText` of each corpus text the analyzer was made with, in order, handed to `visit` one at
   * a time (each text is split into words once, for its terms and for the typo vocabulary alike).
   */
  analyzeCorpus(visit: (terms: string[], textIndex: number) => void): void;
  /** The terms a lexicon entry becomes ("2fa" -> ["mfa"], "office 365" -> ["office365"]). */
  canonical(entry: string): string[];
}

/**
 * The sign-in host `signin.aws` (also `us-east-1.signin.aws`, `signin.aws.amazon.com`) as one word: split at
 * its dot it reads "signin aws", which prose ("log in to aws") also becomes once its stop word is gone.
 */
const SIGN_IN_HOST = /(?<![a-z0-9-])signin\.aws(?![a-z0-9-])/g;

/**
 * A host under Amazon's own domain other than the shop's (`developer.amazon.com`, `fls-na.amazon.com`):
 * its "amazon com" would read as Amazon's shop (the lexicon's `retail`), so its top-level domain goes
 * and "developer amazon" is left. `www.` and `smile.` are the shop; `aws.` and the sign-in host are AWS's.
 */
const AMAZON_SUBDOMAIN_HOST =
  /(?<![a-z0-9-])(?!(?:www|smile|aws|signinaws)\.)([a-z0-9-]+)\.amazon\.(?:com?\.[a-z]{2}|com|[a-z]{2})(?![a-z0-9-])/g;

/**
 * A host under `amazonaws.com` is an AWS service's API endpoint (`s3.eu-west-1.amazonaws.com`,
 * `sts.amazonaws.com`, `monitoring.*.amazonaws.com`) or a server's name: traffic of agents, SDKs and
 * SSH, not a person signing in. It reads as one word, `awsendpoint`, which the lexicon lists among other
 * tasks. The access portal's own hosts (`*.sso.amazonaws.com`) stay as typed.
 */
export const AWS_ENDPOINT = 'awsendpoint';
const AWS_ENDPOINT_HOST = /(?<![a-z0-9-])(?:\*\.)?((?:[a-z0-9*-]+\.)*)amazonaws\.com(?![a-z0-9-])/g;
const endpointOrPortal = (host: string, labels: string): string => (/(?:^|\.)sso\./.test(labels) ? host : AWS_ENDPOINT);

/**
 * The open-source command-line tools named for AWS and written as one lowercase word with hyphens (`aws-okta`,
 * `aws-mfa`, `aws-adfs`, `aws-vault`, `aws-sso`, `aws-amplify-react-native`) read as one word, `awstool`,
 * which the lexicon lists among other tasks: their issues are the tool's, not a person's sign-in. Named one
 * by one: the same shape also names groups, roles and account aliases (`aws-admins`, `aws-prod`), which are
 * no tool. Not an address (`aws-mfa@…`) nor a host.
 */
const AWS_TOOL = 'awstool';
const AWS_TOOL_NAME =
  /(?<![\p{L}\p{N}@._/-])aws-(?:okta|mfa|adfs|vault|sso(?:-util|-cli)?|azure-login|google-auth|amplify(?:-[a-z0-9]+)*|sdk(?:-[a-z0-9]+)*|cdk(?:-[a-z0-9]+)*)(?![\p{L}\p{N}@_/-]|\.[\p{L}\p{N}])/gu;

export function words(text: string): string[] {
  // "can't" and "don't" stay one word
  let lower = (text.includes('aws-') ? text.replace(AWS_TOOL_NAME, AWS_TOOL) : text).toLowerCase().replace(/['’]/g, '');
  // The host patterns only where their host can be: trying them at every position of every phrase was a
  // third of reading a large corpus (bench:growth).
  if (lower.includes('signin.aws')) lower = lower.replace(SIGN_IN_HOST, 'signinaws');
  if (lower.includes('amazonaws.')) lower = lower.replace(AWS_ENDPOINT_HOST, endpointOrPortal);
  if (lower.includes('.amazon.')) lower = lower.replace(AMAZON_SUBDOMAIN_HOST, '$1 amazon');
  if (!/[^\p{ASCII}]/u.test(lower)) return lower.match(/[a-z0-9]+/g) ?? [];
  // Accents off ("réinitialiser" meets "reinitialiser"); letters outside ASCII ("ß", "ı", "пароль") stay
  // inside their word instead of splitting it; and a Latin run inside text of another script ("AWSの
  // RootユーザーにてMFAデバイス", where no spaces separate words) is a word of its own.
  return lower.normalize('NFKD').replace(/\p{M}/gu, '').match(LATIN_OR_OTHER_SCRIPT_WORD) ?? [];
}

/**
 * Marks, between the two passes of folding, a term that a phrase folded onto some of its own words, dropping
 * the rest ("aws account" → "aws"). A second-pass phrase is its variant's own words folded, and "delete my
 * aws account" folds to "delete aws": unmarked, it read "deleted the aws mfa app" as closing the account and
 * "my admin created an aws user" as "created the aws account" (the root user). Marked, it matches only a
 * question whose words were folded the same way ("delete the aws account").
 */
const MERGED = '\u0001';
const unmarked = (term: string): string => (term.endsWith(MERGED) ? term.slice(0, -1) : term);

/** A run of Latin letters and digits, or a run of letters of any other script. */
const LATIN_OR_OTHER_SCRIPT_WORD = /[\p{Script=Latin}\p{N}]+|[^\P{L}\p{Script=Latin}]+/gu;

export function createAnalyzer(
  lexicon: Lexicon,
  corpusTexts: readonly string[],
  englishWords: () => ReadonlySet<string> = () => new Set(),
): Analyzer {
  const allStopwords = [...lexicon.stopwords, ...lexicon.other_language_stopwords];
  const stopwords = new Set(allStopwords.flatMap((entry) => words(entry).map(stem)));
  const rawStopwords = new Set(allStopwords.flatMap(words));
  const otherLanguageWords = new Set(lexicon.other_language_stopwords.flatMap(words));
  const englishStopwords = new Set(lexicon.stopwords.flatMap(words));
  const phrases = phraseTable(buildPhraseTable(lexicon));
  // The same phrases without their stop words, for the second pass; only those still two words long,
  // so "sign in" does not turn every "sign" into "signin".
  const contentPhrases = new Map<string, string[]>();
  const addIfNew = (terms: readonly string[], canonical: string[]) => {
    if (!contentPhrases.has(terms.join(' '))) contentPhrases.set(terms.join(' '), canonical);
  };
  // The terms some phrase folds onto while dropping others of its words ("aws account" → "aws").
  const mergedTerms = new Set<string>();
  for (const [key, canonical] of phrases.phrases) {
    // Fold the variant's own words (not the variant itself), as a question's words would be.
    const node = phrases.nodeOf(key) as PhraseNode;
    node.canonical = undefined;
    const stems = key.split(' ');
    const folded = firstPass(stems);
    // ...and word by word too: "delete my aws acct" keeps "aws" and "account" apart ("aws acct" is no
    // synonym of "aws" as "aws account" is), and still reads as "delete aws account".
    const wordByWord = stems.flatMap((word) => firstPass([word]));
    node.canonical = canonical;
    if (folded.length >= 2) contentPhrases.set(folded.join(' '), canonical);
    if (wordByWord.length >= 2) addIfNew(wordByWord, canonical);
    const kept = canonical.filter((term) => !stopwords.has(term));
    if (stems.length >= 2 && dropsWords(stems, 0, stems.length, kept)) for (const term of kept) mergedTerms.add(term);
  }
  // A question's term folded from several words is still that term: a second-pass phrase that has it
  // unmarked ("shut down aws") matches it marked too ("shut down the aws account" → "shut", marked "aws").
  for (const [key, canonical] of [...contentPhrases]) {
    let variants = [[] as string[]];
    for (const term of key.split(' ')) {
      const forms = mergedTerms.has(term) ? [term, term + MERGED] : [term];
      variants = variants.flatMap((variant) => forms.map((form) => [...variant, form]));
    }
    for (const variant of variants) addIfNew(variant, canonical);
  }
  const contentTable = phraseTable(contentPhrases);

  const lexiconTexts = [
    ...Object.entries(lexicon.synonyms).flatMap(([canonical, variants]) => [canonical, ...variants]),
    ...Object.values(lexicon.other_scripts).flat(),
    ...Object.values(lexicon.other_languages).flat(),
    ...lexicon.foreign,
    ...lexicon.other_tasks,
    ...lexicon.developer_words,
    ...lexicon.anchors,
  ];
  // How often each word of the corpus (then of the lexicon) is written: the typo vocabulary. Counted as
  // analyzeCorpus splits the corpus's phrases into words (each phrase is split once), or, without it,
  // on the first question; the fuzzy index over it is built on the first word a question misspells.
  const frequency = new Map<string, number>();
  let counted = false;
  const count = (list: readonly string[]) => {
    for (const word of list) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  };
  function countLexicon(): void {
    for (const text of lexiconTexts) count(words(text));
    counted = true;
  }
  let known: ReadonlySet<string> | undefined;
  const knownWords = (): ReadonlySet<string> => {
    if (!counted) {
      for (const text of corpusTexts) count(words(text));
      countLexicon();
    }
    known ??= new Set([...frequency.keys(), ...rawStopwords]);
    return known;
  };
  // One fuzzy index per first letter: a correction keeps the word's first letter anyway, and searching
  // only those words is what keeps a question of eighty never-seen words from costing a search of the
  // whole vocabulary each (about 1 ms apiece, so 80 ms a question, before).
  let fuzzyByFirst: Map<string, Fuse<string>> | undefined;
  const fuzzyIndex = (first: string): Fuse<string> | undefined => {
    if (!fuzzyByFirst) {
      knownWords();
      const byFirst = new Map<string, string[]>();
      // Three-letter words are poor targets: "come" would become "com".
      for (const word of frequency.keys()) {
        if (word.length < MIN_CORRECTABLE_LENGTH) continue;
        const list = byFirst.get(word[0] as string) ?? [];
        list.push(word);
        byFirst.set(word[0] as string, list);
      }
      fuzzyByFirst = new Map(
        [...byFirst].map(([letter, words]) => [
          letter,
          new Fuse(words, { threshold: 0.4, ignoreLocation: true, includeScore: true }),
        ]),
      );
    }
    return fuzzyByFirst.get(first);
  };

  function correct(word: string): string {
    if (knownWords().has(word) || word.length < MIN_CORRECTABLE_LENGTH || /\d/.test(word)) return word;
    if (englishWords().has(word)) return word;
    // Fuse proposes near words; the edit distance decides, so "github" never becomes "gitub"-like noise.
    // One edit for ordinary words; two only for long ones, where two edits still leave the word clear.
    const allowed = word.length >= 9 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    let bestFrequency = 0;
    for (const { item } of fuzzyIndex(word[0] as string)?.search(word, { limit: 12 }) ?? []) {
      const distance = editDistance(word, item);
      if (distance > allowed) continue;
      const seen = frequency.get(item) ?? 0;
      if (distance < bestDistance || (distance === bestDistance && seen > bestFrequency)) {
        best = item;
        bestDistance = distance;
        bestFrequency = seen;
      }
    }
    return best;
  }

  /**
   * Folds synonyms, then drops stop words, then folds once more: "delete my aws acct" only reads as
   * "delete aws account" (a phrase for closing the account) once "my" is gone and "acct" is "account".
   */
  // The first pass's terms, in one list reused by every fold: only the second pass's are kept.
  const firstTerms: string[] = [];
  function fold(stems: string[]): string[] {
    firstTerms.length = 0;
    return foldPhrases(foldPhrases(stems, phrases, firstTerms, true), contentTable);
  }

  /**
   * Whether the phrase of `length` words from `start` folds onto some of its own words and drops the rest
   * ("aws account" → "aws", "phone number" → "phone"): a reading that loses a word. "identity center" →
   * "identitycenter" loses none.
   */
  function dropsWords(stems: readonly string[], start: number, length: number, terms: readonly string[]): boolean {
    const own = stems.slice(start, start + length).filter((word) => !stopwords.has(word));
    return own.length > terms.length && terms.every((term) => own.includes(term));
  }

  /** The first pass, marking the terms that dropped some of their phrase's words (`MERGED`), as `fold` does. */
  function firstPass(stems: string[]): string[] {
    return foldPhrases(stems, phrases, [], true);
  }

  /**
   * Folds the table's phrases onto their canonical terms, and leaves out stop words (into `out`). With
   * `markMerged`, a term whose phrase dropped some of its own words (`dropsWords`) is marked, so the second
   * pass's phrases match it only where the question's words were folded the same way; the second pass
   * unmarks what it leaves.
   */
  function foldPhrases(stems: string[], table: PhraseTable, out: string[] = [], markMerged = false): string[] {
    let negated = false;
    for (let i = 0; i < stems.length; ) {
      // The longest phrase in the table starting here, followed word by word; the scan stops as soon as
      // no phrase starts with the words so far (most words start none).
      const word = stems[i] as string;
      let node = table.first.get(word);
      let canonical = node?.canonical;
      let length = canonical ? 1 : 0;
      for (let j = i + 1; j < stems.length && node?.next; j++) {
        node = node.next.get(stems[j] as string);
        if (node?.canonical) {
          canonical = node.canonical;
          length = j - i + 1;
        }
      }
      if (!canonical && NEGATIONS.has(word)) {
        // "not okta", "(not email)", "without mfa": the next word is what the person does NOT mean.
        // Only the very next word ("not sure which email" still counts "email"); phrases such as
        // "not working" or "not loading" are matched first and never get here.
        negated = true;
        i++;
        continue;
      }
      if (!negated) {
        if (!canonical) {
          if (!stopwords.has(word)) out.push(markMerged ? word : unmarked(word));
        } else {
          const kept = canonical.filter((term) => !stopwords.has(term));
          const mark = markMerged && length >= 2 && dropsWords(stems, i, length, kept) ? MERGED : '';
          for (const term of kept) out.push(term + mark);
        }
      }
      i += canonical ? length : 1;
      negated = false;
    }
    return out;
  }

  /**
   * More small words of another language than of English ("je veux fermer mon compte"), two at least. An
   * English question may hold a few ("Since Mon 9am EST", "Des and Del"), never more than its own.
   */
  function writtenInAnotherLanguage(split: readonly string[]): boolean {
    let other = 0;
    let english = 0;
    for (const word of split) {
      if (otherLanguageWords.has(word)) other++;
      else if (englishStopwords.has(word)) english++;
    }
    return other >= MIN_OTHER_LANGUAGE_WORDS && other > english;
  }

  // What each word a person typed becomes (corrected, then stemmed), remembered: the same few thousand
  // words come back in question after question, and a correction costs a fuzzy search.
  const questionTerms = new Map<string, string>();
  function questionTerm(word: string): string {
    let term = questionTerms.get(word);
    if (term === undefined) {
      term = stem(correct(word));
      if (questionTerms.size < QUESTION_TERM_CACHE_LIMIT) questionTerms.set(word, term);
    }
    return term;
  }

  // Each corpus word's stem, remembered: 2,000 topics have 18,500 phrases, 125,000 words, but only about
  // 1,100 distinct words.
  const corpusStems = new Map<string, string>();
  function corpusStem(word: string): string {
    let term = corpusStems.get(word);
    if (term === undefined) {
      term = stem(word);
      corpusStems.set(word, term);
    }
    return term;
  }

  const otherScripts = createOtherScriptSplitter(Object.values(lexicon.other_scripts).flat());
  return {
    analyzeQuestion(text) {
      const split = otherScripts.split(words(text)).slice(0, MAX_QUESTION_WORDS);
      if (!writtenInAnotherLanguage(split)) return fold(split.map(questionTerm));
      // Its words are that language's, not misspelt English ones; its small words go before the synonyms
      // see them (Spanish "los" would otherwise be "lose").
      return fold(split.filter((word) => !otherLanguageWords.has(word)).map(stem));
    },
    analyzeCorpusText: (text) => fold(words(text).map(corpusStem)),
    analyzeCorpus(visit) {
      const counting = !counted;
      for (let index = 0; index < corpusTexts.length; index++) {
        const list = words(corpusTexts[index] as string);
        if (counting) count(list);
        for (let i = 0; i < list.length; i++) list[i] = corpusStem(list[i] as string);
        visit(fold(list), index);
      }
      if (counting) countLexicon();
    },
    canonical: (word) => fold(words(word).map(corpusStem)),
  };
}

/** Scripts written without spaces between words, or with particles attached to them. */
const UNSPACED_SCRIPT_RUN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+$/u;

/**
 * A run of Japanese, Chinese or Korean letters is one "word" to `words`; this finds the lexicon's words
 * inside it, longest first, and drops the rest ("クレカ番号の更新" -> "クレカ"). The lexicon's entries go
 * through `words` first, so they are compared in the same form as the text.
 */
function createOtherScriptSplitter(entries: readonly string[]) {
  const known = new Set(entries.flatMap(words).filter((word) => UNSPACED_SCRIPT_RUN.test(word)));
  const longest = Math.max(0, ...[...known].map((word) => word.length));
  function splitRun(run: string): string[] {
    const found: string[] = [];
    for (let i = 0; i < run.length; ) {
      let length = Math.min(longest, run.length - i);
      while (length > 0 && !known.has(run.slice(i, i + length))) length--;
      if (length > 0) found.push(run.slice(i, i + length));
      i += Math.max(1, length);
    }
    return found;
  }
  return {
    split: (list: readonly string[]): string[] =>
      known.size === 0 ? [...list] : list.flatMap((word) => (UNSPACED_SCRIPT_RUN.test(word) ? splitRun(word) : [word])),
  };
}

/** One word of a phrase: the canonical terms when the phrase can end here, and the words that can follow. */
interface PhraseNode {
  canonical: string[] | undefined;
  next: Map<string, PhraseNode> | undefined;
}

interface PhraseTable {
  /** Variant phrase (stemmed words, space-separated) -> its canonical terms. */
  phrases: ReadonlyMap<string, string[]>;
  /**
   * The same, word by word from each phrase's first word: a scan follows the words of the text without
   * building "two factor" to look it up.
   */
  first: ReadonlyMap<string, PhraseNode>;
  /** The node a phrase ends at. */
  nodeOf(key: string): PhraseNode | undefined;
}

function phraseTable(phrases: Map<string, string[]>): PhraseTable {
  const first = new Map<string, PhraseNode>();
  for (const [key, canonical] of phrases) {
    const parts = key.split(' ');
    let level = first;
    for (let k = 0; ; k++) {
      const part = parts[k] as string;
      let node = level.get(part);
      if (!node) {
        node = { canonical: undefined, next: undefined };
        level.set(part, node);
      }
      if (k === parts.length - 1) {
        node.canonical = canonical;
        break;
      }
      node.next ??= new Map();
      level = node.next;
    }
  }
  const nodeOf = (key: string): PhraseNode | undefined => {
    let level: ReadonlyMap<string, PhraseNode> | undefined = first;
    let node: PhraseNode | undefined;
    for (const part of key.split(' ')) {
      node = level?.get(part);
      if (!node) return undefined;
      level = node.next;
    }
    return node;
  };
  return { phrases, first, nodeOf };
}

/**
 * "two factor" -> ["mfa"]: variant phrases (stemmed) mapped to their canonical terms (stemmed).
 * Multi-word foreign, other-task and anchor entries ("office 365") become one term ("office365"), so their
 * words ("office") mean nothing on their own.
 */
function buildPhraseTable(lexicon: Lexicon): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [canonical, variants] of [
    ...Object.entries(lexicon.synonyms),
    ...Object.entries(lexicon.other_scripts),
    ...Object.entries(lexicon.other_languages),
  ]) {
    const target = words(canonical).map(stem);
    for (const variant of variants) table.set(words(variant).map(stem).join(' '), target);
  }
  for (const entry of [
    ...lexicon.foreign,
    ...lexicon.foreign_without_anchor,
    ...lexicon.other_tasks,
    ...lexicon.anchors,
  ]) {
    const key = words(entry).map(stem);
    if (key.length > 1 && !table.has(key.join(' '))) table.set(key.join(' '), [key.join('')]);
  }
  return table;
}
