// Reads which kind of user is asking (root, IAM, IAM Identity Center or federated) from a question, so
// its answer can open on that kind's steps. It reads the analyzer's terms (the ones the matcher scores:
// synonyms folded, so "okta", "azure ad" and "saml" all say federated) and, for the few things folding
// hides, the analyzer's plain words ("awsapps" and "tile" both fold onto "portal"; "not the root user"
// keeps "root"). Sources: the AWS Sign-In User Guide's "Determine your user type".
import { ASKER_KINDS, type AskerKind } from '../knowledge/schema';
import { type Analyzer, words } from './analyzer';

/**
 * Said outright: a kind's name, or a word the lexicon folds onto it ("account owner" is the root user,
 * "okta" is federated). Each cue is a run of terms, written the way people write it.
 */
const EXPLICIT: Record<AskerKind, readonly string[]> = {
  root: ['root'],
  iam: ['iam'],
  'identity-center': ['identity center'],
  federated: [
    'federated',
    'corporate login',
    'company login',
    'work login',
    'corporate sso',
    'company sso',
    'corporate identity',
    'company identity',
  ],
};

/**
 * Implied, where the sources make it unambiguous: the account email and password are the root user's;
 * an account ID or alias together with a user name is how an IAM user signs in. Said outright, any
 * kind outweighs these.
 */
const IMPLIED_SEQUENCES: Partial<Record<AskerKind, readonly string[]>> = {
  root: ['account email', 'email and password'],
};
const IMPLIED_TOGETHER: Partial<Record<AskerKind, ReadonlyArray<readonly string[]>>> = {
  iam: [['account id', 'alias'], ['user name']],
};

/** Plain words folding hides: the access portal's address names IAM Identity Center outright. */
const IDENTITY_CENTER_WORDS = new Set(['awsapps']);
/** The access portal by name ("access portal", "sso portal", "start url"), not "tile" or "my apps". */
const PORTAL_WORDS = new Set(['portal']);
const START_LINK = new Set(['url', 'link']);

/** A kind right after one of these ("not the root user", "no external idp") is not who is asking. */
const NEGATIONS = new Set(['not', 'no', 'without', 'isnt', 'arent', 'never']);
const SKIPPED_AFTER_NEGATION = new Set(['a', 'an', 'the', 'my', 'our', 'using', 'via', 'through', 'with', 'as']);

/** Where the plain words can say something the terms do not (apostrophes as `words` drops them). */
const PLAIN_WORDS_NEEDED = /\b(?:not|no|without|isn['’]?t|aren['’]?t|never|awsapps|portal|start)\b/i;
const NO_WORDS: readonly string[] = [];

export type UserKindReader = (question: string, terms: readonly string[]) => AskerKind | null;

/**
 * `terms` are the analyzer's terms for `question`, in order (`analyzeQuestion`). Returns null when the
 * question names no kind, or names two (a root user who also mentions "my IAM password": the card for
 * everyone is the safe one).
 */
export function createUserKindReader(analyzer: Analyzer): UserKindReader {
  const sequences = (cues: readonly string[]) =>
    cues.map((cue) => analyzer.canonical(cue)).filter((terms) => terms.length > 0);
  const explicit = ASKER_KINDS.map((kind) => ({ kind, cues: sequences(EXPLICIT[kind]) }));
  const impliedSequences = ASKER_KINDS.map((kind) => ({ kind, cues: sequences(IMPLIED_SEQUENCES[kind] ?? []) }));
  const impliedTogether = ASKER_KINDS.map((kind) => ({
    kind,
    groups: (IMPLIED_TOGETHER[kind] ?? []).map(sequences),
  }));

  function explicitKinds(terms: readonly string[]): Set<AskerKind> {
    const found = new Set<AskerKind>();
    for (const { kind, cues } of explicit) if (cues.some((cue) => containsRun(terms, cue))) found.add(kind);
    return found;
  }

  return (question, terms) => {
    // The plain words only matter around a negation or a portal; most questions have neither.
    const plain = PLAIN_WORDS_NEEDED.test(question) ? words(question) : NO_WORDS;
    const negated = negatedKinds(plain);
    const said = explicitKinds(terms);
    if (plain.some((word) => IDENTITY_CENTER_WORDS.has(word))) said.add('identity-center');
    for (const kind of negated) said.delete(kind);
    if (said.size > 0) return said.size === 1 ? (said.values().next().value as AskerKind) : null;

    const implied = new Set<AskerKind>();
    for (const { kind, cues } of impliedSequences) if (cues.some((cue) => containsRun(terms, cue))) implied.add(kind);
    for (const { kind, groups } of impliedTogether) {
      if (groups.length > 0 && groups.every((group) => group.some((cue) => containsRun(terms, cue)))) implied.add(kind);
    }
    const portal = plain.some(
      (word, index) => PORTAL_WORDS.has(word) || (word === 'start' && START_LINK.has(plain[index + 1] ?? '')),
    );
    if (portal) implied.add('identity-center');
    for (const kind of negated) implied.delete(kind);
    return implied.size === 1 ? (implied.values().next().value as AskerKind) : null;
  };

  /**
   * Kinds named right after a negation, past an article or "using": the next word, or the next two when
   * they are one phrase ("not the root user", "not azure ad"), never a word further on ("not coming,
   * root user sign in" is a root user).
   */
  function negatedKinds(plain: readonly string[]): Set<AskerKind> {
    const negated = new Set<AskerKind>();
    plain.forEach((word, index) => {
      if (!NEGATIONS.has(word)) return;
      let start = index + 1;
      if (SKIPPED_AFTER_NEGATION.has(plain[start] ?? '')) start++;
      const next = plain[start];
      if (next === undefined) return;
      const alone = analyzer.canonical(next);
      const second = plain[start + 1];
      const pair = second !== undefined && alone.length > 0 ? analyzer.canonical(`${next} ${second}`) : [];
      // Two words folded into one term are one phrase; "coming root" (a stop word, then a kind) is not.
      const named = pair.length === 1 && analyzer.canonical(second ?? '').length > 0 ? pair : alone;
      for (const kind of explicitKinds(named)) negated.add(kind);
    });
    return negated;
  }
}

/** Whether `run` occurs in `terms`, word for word and in order. */
function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= terms.length; i++) {
    if (run.every((term, offset) => terms[i + offset] === term)) return true;
  }
  return false;
}
