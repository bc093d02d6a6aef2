// Finds the topic a question is about, in three steps:
//  1. features: for every topic, the share of the question's evidence it explains (each term votes for
//     the topics whose phrases use it) and how much of the question its single best phrase covers (every
//     example question, keyword and title is its own phrase, so a topic with more vocabulary does not
//     win by multiplying scores); plus the question's words from other products ("github", "s3") and
//     words the corpus has never seen, which dilute the evidence. Fuse.js does the fuzzy part, before
//     this: typos are corrected against the corpus vocabulary (analyzer.ts). In a corpus larger than the
//     one the thresholds were tuned on, the question is weighed among the topics nearest it only, so
//     scores mean the same whatever the corpus size (index/contenders.ts, docs/matching.md "Scale").
//  2. score: one number per topic, 0..1, from those features and the weights in thresholds.ts.
//  3. decide: answer (one clear winner), clarify (two to four close topics) or fallback (nothing fits).
import type { Corpus } from '../knowledge/load-knowledge';
import { ASKER_KINDS, type AskerKind, type Topic } from '../knowledge/schema';
import { splitAlternatives } from './alternatives';
import { AWS_ENDPOINT, createAnalyzer, MAX_QUESTION_WORDS } from './analyzer';
import { loadEnglishWords } from './english-words';
import { createAnchorFinder } from './index/anchor-finder';
import { nearestTopics, votesAmong } from './index/contenders';
import { buildPhraseIndex, type SortedTopics, type TopicCoverage } from './index/phrase-index';
import { indexPhrases, pairTerms } from './index/phrase-record';
import { tallyScratch } from './index/tally-scratch';
import { REFERENCE_PHRASES, REFERENCE_TOPICS, type TermVote, termVoteTable } from './index/term-votes';
import { withoutSignInMethod } from './sign-in-method';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';
import {
  answerForKind,
  answerSiblingForKind,
  askWhichUser,
  createUserKindReader,
  fitsKind,
  hasOwnStepsFor,
  hasStepsFor,
  writtenForKindAlone,
} from './user-kind';

export type { TermVote } from './index/term-votes';

export type MatchKind = 'answer' | 'clarify' | 'fallback';

export interface ScoredTopic {
  topic: Topic;
  /** 0..1: the share of the question's evidence the topic explains, thinned by noise. Compared between topics. */
  score: number;
  /**
   * The evidence the topic won, not divided by the question's length: a long post that keeps naming the
   * same problem has more of it, not less. Decides whether anything fits at all.
   */
  votes: number;
  /** 0..1: how much of the question is not words from elsewhere (other products, other tasks). */
  signal: number;
}

export interface MatchResult {
  kind: MatchKind;
  /** The answered topic (kind `answer`), otherwise null. */
  topic: Topic | null;
  /** Ranked alternatives: for `clarify`, the topics offered. */
  candidates: Topic[];
  /** 0..1: how sure the matcher is of its first topic. */
  confidence: number;
  /** Every topic with a score above zero, best first. */
  ranking: ScoredTopic[];
  /** Set when the question reads as two separate problems, one sentence each (the clarify card says so). */
  twoProblems?: boolean;
  /** The kind of user the question says is asking, if it says one (and only one). */
  user: AskerKind | null;
  /**
   * The question says who is asking and nothing else ("I'm the root user", "we use okta"): said after an
   * answer, it is about that answer.
   */
  onlyWho?: true;
  /** On a fallback for a post about AWS: the topics nearest it, offered one click each (`nearestOnFallback`). */
  suggestions?: Topic[];
}

/** What `decide` makes of the scores: the match, before the kind of user is added. */
export type Decision = Omit<MatchResult, 'user' | 'suggestions'>;

/** What a question gives each topic, before any weighting: the input of `scoreTopics`. */
export interface QuestionFeatures {
  /** In a corpus larger than the reference: the topics the question was weighed among (ascending). */
  contenders?: SortedTopics;
  terms: string[];
  /** Each topical term (and word pair): how much it says at all, and how its vote splits across topics. */
  termVotes: TermVote[];
  /**
   * Per topic: how much of the question its best single phrase covers (Fuse token-search scoring), 0..1;
   * only topics with a phrase holding one of the question's terms are listed.
   */
  phraseCoverage: TopicCoverage;
  /** Words from other products or unrelated AWS services ("github", "s3"). */
  foreignTerms: number;
  /** Words the corpus has never seen. */
  unknownTerms: number;
  /** Whether the question also names AWS itself ("aws", "console", "iam"...). */
  anchored: boolean;
  /**
   * A clause's only: whether its own text, as typed, names AWS (one of the lexicon's anchors: "aws", "the aws
   * console", "signin.aws.amazon.com", "root user", a service), which "root" or "the password" alone do not.
   */
  namesAws?: boolean;
  /**
   * A sentence's only: whether it tells of a problem already solved ("we paid and it was reactivated",
   * "recovered it through the phone call, that worked"): background, never a second problem.
   */
  toldAsSolved?: boolean;
  /** The clarify group whose words make up the whole question, if one does (its topics, in order). */
  clarifyGroup: Topic[] | null;
  /** Beside `termVotes`, one each: whether the term says who is asking (root, IAM, admin) rather than what is wrong. */
  whoTerms: boolean[];
  /** Words that show another task altogether (CLI or SDK errors, an app's own users, SSH keys, refunds). */
  otherTaskTerms: number;
  /**
   * Of the unknown words, those of a developer's work (lexicon `developer_words`: "configuration", "payload",
   * "endpoint"): a hint of another task, weaker than `otherTaskTerms`.
   */
  developerTerms: number;
  /** Topic index -> how many of the question's foreign words that topic's own phrases use: its evidence, not noise. */
  foreignUsedBy: ReadonlyMap<number, number>;
  /** The topic of a place other than AWS the question names with nothing of AWS beside it (lexicon `elsewhere`). */
  elsewhere: Topic | null;
  /** Whether it names such a place through a tool that signs in there for someone, nothing of AWS beside (lexicon `elsewhere`). */
  throughTool: boolean;
  /**
   * The topic of a place other than AWS the question may mean as well as AWS: named outright beside an AWS
   * word ("prime charged me, is that an aws thing?"), or by a name it shares with AWS ("amazon") alone.
   */
  maybeElsewhere: Topic | null;
}

/** A question read whole and sentence by sentence. */
export interface Reading {
  whole: QuestionFeatures;
  /** Each sentence on its own, when the question has two or more; otherwise empty. */
  sentences: QuestionFeatures[];
  /**
   * Each clause on its own, when a sentence joins two with "and", "but" or "also" ("lost my mfa device and
   * the root mailbox is gone too"); otherwise empty. Read only for two problems in one line, or for the one
   * clause that carries a line that falls back whole (`carriedByOneClause`).
   */
  clauses: QuestionFeatures[];
  /**
   * Every sentence's clauses, in order (a sentence that joins none is one), each marked when its sentence tells
   * of a problem already solved. Read when first asked for: only for a second problem beside an answer.
   */
  allClauses: QuestionFeatures[];
  /**
   * Each pair of possibilities a sentence says the person cannot choose between ("not sure if it's my password
   * or the portal link"), each read on its own; empty when it names none. Read when first asked for.
   */
  alternatives: [QuestionFeatures, QuestionFeatures][];
  /** The kind of user the question names (user-kind.ts), read from the same terms as the whole. */
  user: AskerKind | null;
  /** Whether the credentials the person signs in with were left out of what is scored (sign-in-method.ts). */
  signInMethodLeftOut: boolean;
}

/** What works out each part of a reading that is read only when first asked for. */
interface PartReaders {
  clauses: () => QuestionFeatures[];
  allClauses: () => QuestionFeatures[];
  alternatives: () => [QuestionFeatures, QuestionFeatures][];
}

/**
 * A reading whose clauses and alternatives are read when first asked for (most questions never need them).
 * A class, not an object literal with getters: V8 kept every such literal's getters, and the whole reading
 * they close over, alive through young-generation collections. At 2,000 topics 2 to 3 MB of questions long
 * answered survived each one, which made those pauses 4 to 15 ms and the match p99 over 1 ms (bench:growth).
 */
class LazyReading implements Reading {
  private clausesRead: QuestionFeatures[] | undefined;
  private allClausesRead: QuestionFeatures[] | undefined;
  private alternativesRead: [QuestionFeatures, QuestionFeatures][] | undefined;

  constructor(
    readonly whole: QuestionFeatures,
    readonly sentences: QuestionFeatures[],
    readonly user: AskerKind | null,
    readonly signInMethodLeftOut: boolean,
    private readonly readers: PartReaders,
  ) {}

  get clauses(): QuestionFeatures[] {
    this.clausesRead ??= this.readers.clauses();
    return this.clausesRead;
  }

  get allClauses(): QuestionFeatures[] {
    this.allClausesRead ??= this.readers.allClauses();
    return this.allClausesRead;
  }

  get alternatives(): [QuestionFeatures, QuestionFeatures][] {
    this.alternativesRead ??= this.readers.alternatives();
    return this.alternativesRead;
  }
}

export interface Matcher {
  match(question: string): MatchResult;
  features(question: string): QuestionFeatures;
  /** The question whole and by its sentences: what `match` decides on. */
  read(question: string): Reading;
  topics: readonly Topic[];
}

export function createMatcher(corpus: Corpus, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const { topics, lexicon } = corpus;
  // Every topic's phrases (title, keywords, example questions), topic by topic, and whose each is.
  const texts: string[] = [];
  const topicOfText: number[] = [];
  const addText = (text: string, topicIndex: number) => {
    texts.push(text);
    topicOfText.push(topicIndex);
  };
  topics.forEach((topic, topicIndex) => {
    const { keywords, questions } = topic.vocabulary;
    addText(topic.title, topicIndex);
    for (let k = 0; k < keywords.length; k++) addText(keywords[k] as string, topicIndex);
    for (let k = 0; k < questions.length; k++) addText(questions[k] as string, topicIndex);
  });
  const analyzer = createAnalyzer(lexicon, texts, loadEnglishWords);

  // Each phrase (title, keyword, example question) with at least one term is a record, indexed as soon
  // as it is analysed. "root+password" is looked up by its two words, without building the pair's string
  // for every question.
  const pairs = pairTerms();
  const phrases = indexPhrases(texts.length);
  analyzer.analyzeCorpus((words, textIndex) => {
    if (words.length > 0) phrases.addWords(topicOfText[textIndex] as number, words, pairs);
  });
  const indexed = phrases.done();
  const { topicOfRecord, postings } = indexed;

  // A corpus of the reference size or smaller weighs its terms by its own phrases; a larger one by the
  // contenders' phrases, out of as many as the reference corpus has (index/contenders.ts).
  const phraseIndex = buildPhraseIndex(
    indexed,
    topics.length,
    topics.length <= REFERENCE_TOPICS ? topicOfRecord.length : REFERENCE_PHRASES,
  );
  // Each term's vote is worked out when a question first uses the term.
  const termVotes = termVoteTable(indexed, topics.length);
  // A product a topic names in its title is what that topic is about, not another product: an
  // organisation's own "I can't get into our GitHub organisation" is answered although `github` is on the
  // foreign list. The title, not the keywords: a shipped topic's keyword "saml certificate" must not make
  // every certificate question (ACM, a website's) an AWS sign-in question.
  const titleTerms = new Set(topics.flatMap((topic) => analyzer.canonical(topic.title)));
  const foreign = new Set(
    lexicon.foreign.flatMap((entry) => analyzer.canonical(entry)).filter((term) => !titleTerms.has(term)),
  );
  const foreignWithoutAnchor = new Set(lexicon.foreign_without_anchor.flatMap((entry) => analyzer.canonical(entry)));
  const otherTasks = new Set(lexicon.other_tasks.flatMap((entry) => analyzer.canonical(entry)));
  const developerWords = new Set(lexicon.developer_words.flatMap((entry) => analyzer.canonical(entry)));
  const whoWords = new Set(lexicon.who_words.flatMap((entry) => analyzer.canonical(entry)));
  // Words that go with naming a kind of user and say nothing about a problem ("I sign in through okta").
  const kindFillers = new Set(
    ['sign in', 'user', 'account', 'aws', 'through', 'using', 'via', 'access portal'].flatMap((entry) =>
      analyzer.canonical(entry),
    ),
  );
  const kindNames = new Set(ASKER_KINDS.flatMap((kind) => analyzer.canonical(kind.replace('-', ' '))));
  // The kinds' own names, not every who-word: "administrator" and "permission" say something of the problem.
  const onlyWho = (terms: readonly string[]): boolean =>
    terms.length > 0 && terms.every((term) => kindNames.has(term) || kindFillers.has(term));
  const saysOnlyWho = (reading: Reading): boolean => reading.user !== null && onlyWho(reading.whole.terms);
  // Who someone is and how they sign in, administrators and permissions included: "I'm logged in as an IAM
  // user with admin" is no problem of its own beside "…but I can't find the close account button".
  const onlyWhoAtAll = (terms: readonly string[]): boolean =>
    terms.every((term) => whoWords.has(term) || kindNames.has(term) || kindFillers.has(term));
  const anchors = lexicon.anchors.map((entry) => analyzer.canonical(entry));
  // The topics whose phrases name AWS (a lexicon anchor, as typed), for questions that do
  // (index/contenders.ts). As typed: "aws" is a stop word, and synonyms fold "owner" onto "root".
  const namesAws = createAnchorFinder(lexicon.anchors);
  // Found on the first question that names AWS in a corpus larger than the reference: not at start.
  let namingAws: Uint8Array | undefined;
  const topicsNamingAws = (): Uint8Array => {
    if (!namingAws) {
      namingAws = new Uint8Array(topics.length);
      for (let k = 0; k < texts.length; k++) {
        const topicIndex = topicOfText[k] as number;
        if (namingAws[topicIndex] === 0 && namesAws(texts[k] as string)) namingAws[topicIndex] = 1;
      }
    }
    return namingAws;
  };
  const readUserKind = createUserKindReader(analyzer);
  const clarifyGroups = lexicon.clarify_groups.map((group) => ({
    terms: new Set(group.terms.flatMap((entry) => analyzer.canonical(entry))),
    topics: group.topics.map((id) => corpus.byId.get(id)).filter((topic): topic is Topic => topic !== undefined),
  }));
  const places = lexicon.elsewhere.map((place) => ({
    terms: place.terms.flatMap((entry) => analyzer.canonical(entry)),
    sharedNames: place.shared_names.flatMap((entry) => analyzer.canonical(entry)),
    // Each tool's name as its terms, all of which must be there: "home assistant" is no "home".
    tools: place.tools.map((entry) => analyzer.canonical(entry)),
    topic: corpus.byId.get(place.topic) ?? null,
  }));
  const placeThroughTool = (termSet: ReadonlySet<string>): boolean =>
    places.some(
      (place) =>
        place.tools.some((tool) => tool.length > 0 && tool.every((term) => termSet.has(term))) &&
        [...place.terms, ...place.sharedNames].some((term) => termSet.has(term)),
    );
  const placeNamed = (termSet: ReadonlySet<string>): Topic | null =>
    places.find((place) => place.terms.some((term) => termSet.has(term)))?.topic ?? null;
  const placeMaybeNamed = (termSet: ReadonlySet<string>): Topic | null =>
    places.find((place) => place.sharedNames.some((term) => termSet.has(term)))?.topic ?? null;
  // Topics of one group are the same problem for different people (askWhichUser).
  const families = clarifyGroups.map((group) => group.topics);
  // A word from another product that a topic's own phrases use is that topic's evidence ("ec2 instances
  // nobody launched" for a fraud report), so it does not thin that topic's score.
  const topicsUsingForeign = new Map<string, number[]>();
  for (const term of new Set([...foreign, ...otherTasks])) {
    const list = postings.get(term);
    if (!list) continue;
    const using: number[] = [];
    for (const recordIndex of list) {
      const topicIndex = topicOfRecord[recordIndex] as number;
      if (using.at(-1) !== topicIndex) using.push(topicIndex);
    }
    topicsUsingForeign.set(term, using);
  }
  const isForeign = (term: string) => foreign.has(term) || otherTasks.has(term);
  const signInAddress = analyzer.canonical('signin.aws.amazon.com')[0] ?? '';

  /** A question made only of one group's words (words the corpus never saw aside) names a kind of problem, not a case. */
  function findClarifyGroup(terms: readonly string[], foreignCount: number): Topic[] | null {
    if (foreignCount > 0) return null;
    // A kind of user's name says who is asking, not which problem: "I'm an IAM user and I'm locked out"
    // names the kind of problem as much as "I'm locked out" does (`read` then keeps the kind's own
    // topics). "Admin" and "permission" do say something of the problem: someone else resets it.
    const known = terms.filter((term) => (termVotes.has(term) || isForeign(term)) && !kindNames.has(term));
    if (known.length === 0) return null;
    // Of the groups that cover the question, the one with most of its words that no other group has
    // ("sso" in "forgot my sso password"); words every group shares ("aws") decide nothing, and a
    // tie goes to the group listed first.
    const covering = clarifyGroups.filter((group) => known.every((term) => group.terms.has(term)));
    const ownWords = (group: (typeof clarifyGroups)[number]) =>
      known.filter((term) => clarifyGroups.every((other) => other === group || !other.terms.has(term))).length;
    let best = covering[0];
    for (const group of covering) if (best && ownWords(group) > ownWords(best)) best = group;
    return best?.topics ?? null;
  }

  /**
   * `aws`: whether the question, as typed, names AWS (only read in a corpus larger than the reference).
   * `among`: in a corpus larger than the reference, the topics to weigh the question among; without it,
   * the ones nearest it. A sentence of a post is weighed among the whole post's: its words are the
   * post's, and finding them again for every sentence cost most of a long post's match time.
   */
  function featuresOf(words: readonly string[], aws: boolean, among?: SortedTopics): QuestionFeatures {
    const termSet = new Set(words);
    const terms = [...termSet];
    const topical = terms.filter((term) => termVotes.has(term) && !isForeign(term));
    const votes = topical.map((term) => termVotes.get(term) as TermVote);
    const whoTerms = topical.map((term) => whoWords.has(term));
    // Then the adjacent pairs the corpus uses, each once, in the order they come.
    const pairVotes = new Set<TermVote>();
    const kept = words.filter((word) => !isForeign(word));
    for (let i = 1; i < kept.length; i++) {
      const pair = pairs.find(kept[i - 1] as string, kept[i] as string);
      if (pair !== undefined) pairVotes.add(termVotes.get(pair) as TermVote);
    }
    for (const vote of pairVotes) {
      votes.push(vote);
      whoTerms.push(false);
    }
    // Numbers alone say nothing of the problem: "+1", "1" (an option picked), "½" are no question about
    // an email's "+1" trick. Beside a word, or in a pair the corpus uses, they count as any term does.
    if (pairVotes.size === 0 && topical.every((term) => NUMBER.test(term))) {
      votes.length = 0;
      whoTerms.length = 0;
    }
    const anchored = anchors.some((anchor) => anchor.length > 0 && anchor.every((term) => termSet.has(term)));
    let foreignTerms = 0;
    let unknownTerms = 0;
    let otherTaskTerms = 0;
    let developerTerms = 0;
    const foreignUsedBy = new Map<number, number>();
    // An API endpoint listed beside the sign-in address ("remove signin.aws and monitoring.*.amazonaws.com
    // from the blocklist") is one more blocked host of a sign-in problem, not another task.
    const endpointIsTask = !termSet.has(signInAddress);
    for (const term of terms) {
      if (term === AWS_ENDPOINT && !endpointIsTask) continue;
      if (otherTasks.has(term) || SDK_ERROR.test(term)) otherTaskTerms++;
      else if (foreign.has(term) || (!anchored && foreignWithoutAnchor.has(term))) foreignTerms++;
      else if (!termVotes.has(term)) {
        unknownTerms++;
        // A developer's word no topic uses hints at another task: it thins the evidence more than a word
        // the corpus has simply never seen (`developerWordWeight`).
        if (developerWords.has(term)) developerTerms++;
      } else continue;
      for (const topicIndex of topicsUsingForeign.get(term) ?? []) {
        foreignUsedBy.set(topicIndex, (foreignUsedBy.get(topicIndex) ?? 0) + 1);
      }
    }
    // In a corpus larger than the reference, only the topics nearest the question contend, weighed
    // among themselves (index/contenders.ts); a smaller corpus is weighed whole.
    let contenders: TopicCoverage;
    let contendingVotes = votes;
    let sorted: SortedTopics | undefined;
    if (topics.length <= REFERENCE_TOPICS) contenders = phraseIndex.bestCoverage(topical);
    else {
      sorted =
        among ??
        nearestTopics(
          votes,
          (tally, within) => phraseIndex.addBestCoverage(topical, tally, within),
          thresholds,
          topics.length,
          aws ? topicsNamingAws() : null,
        ).sort((a, b) => a - b);
      contenders = phraseIndex.bestCoverage(topical, sorted);
      contendingVotes = votesAmong(votes, sorted);
    }
    return {
      contenders: sorted,
      terms,
      termVotes: contendingVotes,
      whoTerms,
      phraseCoverage: contenders,
      foreignTerms,
      otherTaskTerms,
      developerTerms,
      foreignUsedBy,
      clarifyGroup: findClarifyGroup(terms, foreignTerms + otherTaskTerms),
      unknownTerms,
      anchored,
      elsewhere: anchored ? null : placeNamed(termSet),
      throughTool: !anchored && placeThroughTool(termSet),
      maybeElsewhere: anchored ? placeNamed(termSet) : placeMaybeNamed(termSet),
    };
  }

  // A post's sentences contend among AWS topics when the post as a whole names AWS.
  const awsIn = (question: string): boolean => topics.length > REFERENCE_TOPICS && namesAws(question);

  /** `keepSignInMethod`: score the credentials the person signs in with too (match reads again so when needed). */
  function read(typed: string, keepSignInMethod = false): Reading {
    const aws = awsIn(typed);
    let texts = splitSentences(typed);
    let sentences = texts.map((sentence) => analyzer.analyzeQuestion(sentence));
    const user = readUserKind(typed, sentences.flat());
    // How the person signs in ("I log in with the account ID + my user name") says who they are, which the
    // kind now holds; the problem is in the rest ("…and forgot the password").
    const question = user === null || keepSignInMethod ? typed : withoutSignInMethod(typed);
    let signInMethodLeftOut = false;
    if (question !== typed) {
      const rest = splitSentences(question);
      const restTerms = rest.map((sentence) => analyzer.analyzeQuestion(sentence));
      if (restTerms.some((words) => words.length > 0)) {
        texts = rest;
        sentences = restTerms;
        signInMethodLeftOut = true;
      }
    }
    const whole = featuresOf(sentences.flat().slice(0, MAX_QUESTION_WORDS), aws);
    // A kind of problem asked about by a kind of user: the group's topics for that kind ("I'm an IAM user
    // and I'm locked out" is not asked about the root user's email or the access portal). So too in each
    // sentence or clause: "…but I forgot the root password" is the root user's password.
    const forUser = (features: QuestionFeatures): QuestionFeatures => {
      const fitting = user && features.clarifyGroup?.filter((topic) => hasStepsFor(topic, user));
      if (fitting && fitting.length > 0) features.clarifyGroup = fitting;
      return features;
    };
    forUser(whole);
    const substantial = texts
      .map((text, i) => ({ text, words: sentences[i] as string[] }))
      .filter(({ words }) => words.length >= MIN_SENTENCE_TERMS);
    const readPart = (words: string[]) => forUser(featuresOf(words, aws, whole.contenders));
    // Clauses of a one-sentence question only: in a longer post "and" mostly joins the steps of a story
    // ("…the only way was to re-create his email and reset the root password"), not two problems. Read when
    // first asked for (decideReading needs them for few questions): most questions cost nothing.
    const readClauses = (): QuestionFeatures[] => {
      const clauseTexts = texts.length === 1 ? splitClauses(texts[0] as string) : [];
      const parts =
        clauseTexts.length > 1
          ? clauseTexts
              .slice(0, MAX_SENTENCES)
              .map((text) => ({ text, words: analyzer.analyzeQuestion(text) }))
              // A clause that only says who is asking ("we sign in through Okta") is no problem of its own.
              .filter(({ words }) => words.length >= MIN_SENTENCE_TERMS && !onlyWho(words))
          : [];
      return parts.length >= 2
        ? parts.map(({ text, words }) => ({ ...readPart(words), namesAws: namesAws(text) }))
        : [];
    };
    const readAllClauses = (): QuestionFeatures[] => {
      const clauseTexts = texts
        .slice(0, MAX_SENTENCES)
        .flatMap((text) => splitClauses(text).map((clause) => ({ clause, solved: TOLD_AS_SOLVED.test(text) })))
        .slice(0, MAX_SENTENCES);
      // A question of one clause has no second part: nothing to read (most questions).
      if (clauseTexts.length < 2) return [];
      return clauseTexts
        .map(({ clause, solved }) => ({ words: analyzer.analyzeQuestion(clause), solved }))
        .filter(({ words }) => words.length >= MIN_SENTENCE_TERMS && !onlyWhoAtAll(words))
        .map(({ words, solved }) => ({ ...readPart(words), toldAsSolved: solved }));
    };
    const readAlternatives = (): [QuestionFeatures, QuestionFeatures][] =>
      texts
        .map((text, i) => splitAlternatives(text, texts[i - 1]))
        .filter((pair): pair is [string, string] => pair !== null)
        .map(([first, second]): [string[], string[]] => [
          analyzer.analyzeQuestion(first),
          analyzer.analyzeQuestion(second),
        ])
        // "not sure if I'm root or IAM" is unsure who is asking (user-kind.ts asks that), not of the problem.
        .filter((pair) => !pair.some(onlyWho))
        .map(([first, second]) => [readPart(first), readPart(second)]);
    const sentenceParts =
      substantial.length >= 2
        ? substantial.map(({ text, words }) => ({ ...readPart(words), toldAsSolved: TOLD_AS_SOLVED.test(text) }))
        : [];
    return new LazyReading(whole, sentenceParts, user, signInMethodLeftOut, {
      clauses: readClauses,
      allClauses: readAllClauses,
      alternatives: readAlternatives,
    });
  }

  return {
    topics,
    features: (question) =>
      featuresOf(analyzer.analyzeQuestion(question).slice(0, MAX_QUESTION_WORDS), awsIn(question)),
    read,
    match(question) {
      let reading = read(question);
      let decided = { ...decideReading(topics, reading, thresholds), user: reading.user };
      // Without the sign-in method, the rest may point at another kind's topic ("I log in with my email and
      // password. the password reset email never arrives": Identity Center's reset): then it stays in.
      const fits = (topic: Topic | null) => topic === null || reading.user === null || fitsKind(topic, reading.user);
      if (reading.signInMethodLeftOut && decided.kind === 'answer' && !fits(decided.topic)) {
        reading = read(question, true);
        decided = { ...decideReading(topics, reading, thresholds), user: reading.user };
      }
      const result = askWhichUser(
        answerSiblingForKind(answerForKind(decided, reading.user), reading.user, families, thresholds.namedKindRatio),
        reading.user,
        families,
        thresholds.kindSiblingRatio,
      );
      const suggestions = nearestOnFallback(result, reading.whole, thresholds);
      return {
        ...result,
        ...(suggestions.length > 0 ? { suggestions } : {}),
        ...(saysOnlyWho(reading) ? { onlyWho: true as const } : {}),
      };
    },
  };
}

const NUMBER = /^\d+$/;
/** An SDK or CLI error code ("InvalidGrantException", "ExpiredTokenException"): another task, whatever its name. */
const SDK_ERROR = /^[a-z]{3,}exception$/;

/** A sentence needs this many terms (stop words gone) to be read on its own. */
const MIN_SENTENCE_TERMS = 2;
/** At most this many sentences are read on their own: a pasted log must not cost a match per line. */
const MAX_SENTENCES = 12;

/**
 * Where one sentence ends: ".", "!", "?" or ";" before a space or the end ("amazon.com" and "v1.2" stay
 * whole). Each sentence is analysed apart, so a phrase never runs across two of them.
 */
export function splitSentences(question: string): string[] {
  const parts = question.split(/[.!?;]+(?=\s|$)/).filter((part) => /[\p{L}\p{N}]/u.test(part));
  if (parts.length <= MAX_SENTENCES) return parts;
  return [...parts.slice(0, MAX_SENTENCES - 1), parts.slice(MAX_SENTENCES - 1).join(' ')];
}

/** A topic written for the asker's kind alone is offered in a question back from this share of the first's score. */
const KIND_TOPIC_CLOSE_RATIO = 0.7;

/** Clauses are read for two problems only when the whole's second topic scores this share of its first. */
const CLAUSE_SECOND_RATIO = 0.5;
/**
 * A sentence answering another topic than a post's one sure sentence is a second problem from this share of
 * the sure sentence's score (`otherSentenceProblem`). A review's own posts: the second problems scored 0.60
 * to 1.08 of the sure sentence; background that had one ("we added a new card already") 0.39 to 0.52.
 */
const SECOND_PROBLEM_RATIO = 0.55;
/**
 * A sentence that tells of a problem already solved: "it was reactivated", "got reinstated", "has been
 * resolved", "that worked", "that's sorted". Not a request ("I want it reinstated", "how long until it's
 * reactivated?"): only after "was", "were", "got", "has/have/had been", or "that". So does a remedy told as
 * done: "the only way to recover the account was to re-create his email and reset the root password".
 */
const TOLD_AS_SOLVED =
  /\b(?:(?:was|were|got|(?:has|have|had)\s+been)\s+(?:\w+\s+)?(?:reactivated|reinstated|resolved|fixed|sorted|restored|unsuspended)|that\s+(?:worked|went\s+through)|that(?:['’]s|\s+is|\s+was)\s+(?:done|sorted|fixed|resolved)|(?:way|fix|solution|workaround)\b[^.!?;]{0,60}?\bwas\s+to)\b/i;
/** Where a sentence joins two clauses: "…, and", "but", "also", "plus", "&". */
const CLAUSE_BREAK = /,?\s+(?:and|but|also|plus|&)\s+/i;

/** A sentence's clauses ("lost my mfa device | the root mailbox is gone too"); the sentence itself when it has one. */
export function splitClauses(sentence: string): string[] {
  return sentence.split(CLAUSE_BREAK).filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** Each term's weight as scoring counts it: how concentrated its use is, and less for words that only say who asks. */
function termWeights(features: Pick<QuestionFeatures, 'termVotes' | 'whoTerms'>, thresholds: Thresholds): number[] {
  return features.termVotes.map(
    (vote, i) => vote.weight ** thresholds.termWeightPower * (features.whoTerms[i] ? thresholds.whoWeight : 1),
  );
}

/** How much evidence a question carries: the summed weight of its terms, as scoring counts it. */
export function evidenceWeight(
  features: Pick<QuestionFeatures, 'termVotes' | 'whoTerms'>,
  thresholds: Thresholds,
): number {
  return termWeights(features, thresholds).reduce((sum, weight) => sum + weight, 0);
}

export function scoreTopics(
  topics: readonly Topic[],
  features: QuestionFeatures,
  thresholds: Thresholds,
): ScoredTopic[] {
  const weights = termWeights(features, thresholds);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight <= 0) return [];
  // Words from elsewhere dilute the question's evidence; a word from another product dilutes it a lot,
  // and a word of another task (a CLI error, an app's own users) as much with an AWS word beside it.
  const perForeign = features.anchored ? thresholds.foreignWeightAnchored : thresholds.foreignWeight;
  const noise =
    features.foreignTerms * perForeign +
    features.otherTaskTerms * thresholds.otherTaskWeight +
    features.unknownTerms * thresholds.unknownWeight +
    features.developerTerms * thresholds.developerWordWeight;
  // Each term hands its weight out across the topics that use it, by its shares, and its smoothing
  // share to every other topic the question points at. Only those topics are visited, so the cost
  // follows the question's terms and not the number of topics.
  const tally = tallyScratch(topics.length);
  let otherVotes = 0;
  features.termVotes.forEach((vote, i) => {
    const weight = weights[i] ?? 0;
    otherVotes += weight * vote.otherShare;
    for (let k = 0; k < vote.topics.length; k++) {
      tally.add(vote.topics[k] ?? 0, weight * ((vote.shares[k] ?? 0) - vote.otherShare), 0);
    }
  });
  const { topics: covered, coverage } = features.phraseCoverage;
  for (let k = 0; k < covered.length; k++) tally.add(covered[k] ?? 0, 0, coverage[k] ?? 0);
  // Who-words (root, IAM, admin) choose among topics the rest of the question already points at: each
  // topic's share of them raises its score by up to `whoBoost`, so "forgot my root password" picks the
  // root user's topic among the password topics, but "lost my MFA; only our IAM admin has permissions"
  // stays with the MFA device.
  const whoShare = new Map<number, number>();
  let whoTotal = 0;
  features.termVotes.forEach((vote, i) => {
    if (!features.whoTerms[i]) return;
    const weight = vote.weight ** thresholds.termWeightPower;
    whoTotal += weight;
    for (let k = 0; k < vote.topics.length; k++) {
      const index = vote.topics[k] ?? 0;
      whoShare.set(index, (whoShare.get(index) ?? 0) + weight * (vote.shares[k] ?? 0));
    }
  });
  const whoBoost = (index: number): number =>
    whoTotal > 0 ? 1 + (thresholds.whoBoost * (whoShare.get(index) ?? 0)) / whoTotal : 1;
  // Foreign words a topic's own phrases use are less noise for it.
  const signalOf = (index: number): number => {
    const ownForeign = features.foreignUsedBy.get(index) ?? 0;
    return (
      totalWeight / (totalWeight + Math.max(0, noise - ownForeign * perForeign * (1 - thresholds.ownForeignNoise)))
    );
  };
  const scored = (topic: Topic, index: number, votes: number, best: number): ScoredTopic => {
    const signal = signalOf(index);
    const blended = thresholds.phraseWeight * best + (1 - thresholds.phraseWeight) * (votes / totalWeight);
    return { topic, score: blended * signal * whoBoost(index), votes, signal };
  };
  const ranking: ScoredTopic[] = [];
  // In topic order before sorting, so topics that tie stay in corpus order.
  const touched = tally.drain();
  for (const { index, votes: extra, coverage: best } of touched) {
    const votes = otherVotes + extra;
    const topic = topics[index];
    if (!topic || votes < thresholds.minVotes) continue;
    ranking.push(scored(topic, index, votes, best));
  }
  // In a corpus of the reference size or smaller, the topics none of the question's terms point at get
  // the smoothing votes alone and no phrase coverage, placed by score like the rest, when those reach
  // `minVotes` (as the thresholds were tuned). In a larger corpus only the contenders are scored.
  if (topics.length <= REFERENCE_TOPICS && otherVotes >= thresholds.minVotes) {
    const isTouched = new Set(touched.map((entry) => entry.index));
    topics.forEach((topic, index) => {
      if (!isTouched.has(index)) ranking.push(scored(topic, index, otherVotes, 0));
    });
  }
  // A stable sort: topics that tie stay in corpus order.
  return ranking.sort((a, b) => b.score - a.score);
}

export function decide(
  ranking: ScoredTopic[],
  thresholds: Thresholds,
  features: Pick<
    QuestionFeatures,
    'clarifyGroup' | 'termVotes' | 'whoTerms' | 'foreignTerms' | 'otherTaskTerms' | 'anchored'
  >,
  /** The ranking on the question's words without its who-words (`rankOnWhat`), worked out only if needed. */
  rankOnWhat?: () => readonly ScoredTopic[],
): Decision {
  const { clarifyGroup } = features;
  const totalWeight = evidenceWeight(features, thresholds);
  const [first, second] = ranking;
  const confidence = first?.score ?? 0;
  const ranked = ranking.slice(0, thresholds.maxCandidates).map((entry) => entry.topic);
  const leads = (ratio: number) => first !== undefined && (second?.score ?? 0) <= first.score * ratio;
  const groupLeader =
    thresholds.groupLeadRatio > 0 && first !== undefined && clarifyGroup?.includes(first.topic) === true;
  if (clarifyGroup && !(groupLeader && leads(thresholds.groupLeadRatio))) {
    // The group's topics, those the words point at most first.
    const inGroup = ranking.map((entry) => entry.topic).filter((topic) => clarifyGroup.includes(topic));
    const candidates = [...new Set([...inGroup, ...clarifyGroup])].slice(0, thresholds.maxCandidates);
    return { kind: 'clarify', topic: null, candidates, confidence: Math.min(confidence, 0.5), ranking };
  }
  // A long question spreads its evidence thin; a topic far ahead of the rest is still the answer.
  // Not when the thinning came from another product's name with nothing AWS beside it, or from another
  // task: "my github 2fa app" is not about AWS, "an ec2 box we never launched" is.
  const clearWinner =
    first !== undefined &&
    (features.foreignTerms === 0 || features.anchored) &&
    features.otherTaskTerms === 0 &&
    first.score >= thresholds.minClearScore &&
    first.votes >= thresholds.minClearVotes &&
    first.signal >= thresholds.minClearSignal &&
    leads(thresholds.clearLeadRatio);
  // A post that names AWS, says a good deal, and whose first topic dwarfs the rest ("600 instances were
  // spawned… SES quota increase", a fraud report) is answered from a lower score still: the detail that
  // thinned it is what such posts are made of. A pasted CLI error with one weak word says too little.
  const dominantWinner =
    first !== undefined &&
    features.anchored &&
    features.otherTaskTerms === 0 &&
    totalWeight >= thresholds.minDominantEvidence &&
    first.score >= thresholds.minDominantScore &&
    leads(thresholds.dominantLeadRatio);
  // Another task said twice over is positive evidence against every topic, even beside AWS ("cognito
  // verification code email isn't arriving for my app's signup flow"): no score makes it a sign-in problem.
  // Once is not: "I lost my MFA device, I can't log in, not even with the cli" is the MFA device's.
  const anotherTask = features.otherTaskTerms >= thresholds.otherTaskTermsToReject;
  if (
    !first ||
    anotherTask ||
    totalWeight < thresholds.minEvidence ||
    first.votes < thresholds.minTopicVotes ||
    first.signal < thresholds.minSignal ||
    (first.score < thresholds.minScore && !clearWinner && !dominantWinner)
  ) {
    return { kind: 'fallback', topic: null, candidates: ranked, confidence, ranking };
  }
  const clarifyRatio = Math.min(0.95, thresholds.clarifyRatio + thresholds.clarifyRatioPerWeight * totalWeight);
  const close = closeTopics(ranking, clarifyRatio, thresholds.maxCandidates);
  // Who-words choose among sibling topics; they do not make another problem a close call: "need the
  // account id to sign in as an IAM user" is about the account ID, not the IAM user's password. A topic
  // is asked about only when it is close on the rest of the question's words too.
  const candidates = close.length >= 2 && rankOnWhat ? stillClose(close, rankOnWhat(), clarifyRatio) : close;
  if (second && candidates.length >= 2) {
    return { kind: 'clarify', topic: null, candidates, confidence, ranking };
  }
  return { kind: 'answer', topic: first.topic, candidates: ranked, confidence, ranking };
}

/**
 * Decides on a question read whole and by its sentences. Two sentences that each answer a different
 * topic on their own are two problems: ask which. A post whose whole thins out below the fallback line
 * is carried by its strongest sentence, unless it shows another task; a post whose whole answers one
 * topic and whose one confident sentence answers another is asked about.
 */
export function decideReading(topics: readonly Topic[], reading: Reading, thresholds: Thresholds): Decision {
  return askWhichPlace(decideAboutAws(topics, reading, thresholds), reading);
}

/**
 * A question that may mean a place other than AWS as well as AWS, with no kind of AWS user named: an answer
 * about AWS asks which (lexicon `elsewhere`). "my amazon account got hacked" names the shop's name alone;
 * "amazon prime took money from my card, is that on my aws bill?" names both. An answer already the
 * place's and a clarifying question stay. So does the fallback, unless the place is only named by its
 * shared name, nothing of AWS beside it, and its topic still scores first: "trying to sign in to Amazon,
 * now I get a 404 page" says too little for an answer, but what it says points at the shop, not AWS.
 */
function askWhichPlace(decided: Decision, reading: Reading): Decision {
  const place = reading.whole.maybeElsewhere;
  if (!place || reading.user !== null) return decided;
  if (decided.kind === 'fallback') {
    // Not when a developer's words thinned it: "sign in on developer.amazon.com reloads" is no shop question.
    const { anchored, throughTool, developerTerms } = reading.whole;
    const ledByPlace = !anchored && !throughTool && developerTerms === 0 && decided.ranking[0]?.topic === place;
    return ledByPlace ? { ...decided, kind: 'answer', topic: place } : decided;
  }
  if (decided.kind !== 'answer' || !decided.topic || decided.topic === place) return decided;
  return { ...decided, kind: 'clarify', topic: null, candidates: [decided.topic, place] };
}

function decideAboutAws(topics: readonly Topic[], reading: Reading, thresholds: Thresholds): Decision {
  // A question that says who is asking (one kind of user) has its who-words' work done: they do not make
  // another problem a close call. One that names two kinds ("the root or an IAM one") still asks.
  const withoutWho = { ...thresholds, whoWeight: 0 };
  const decideOn = (features: QuestionFeatures): Decision =>
    decide(
      scoreTopics(topics, features, thresholds),
      thresholds,
      features,
      reading.user !== null && features.whoTerms.includes(true)
        ? () => scoreTopics(topics, features, withoutWho)
        : undefined,
    );
  // A question naming a place other than AWS and nothing of AWS is that place's topic, whatever else it
  // says: "locked out of amazon.com after changing phones" is not the MFA device's (lexicon `elsewhere`).
  const { elsewhere } = reading.whole;
  // ...unless it names the place through a tool that signs in there for someone: the tool's problem.
  if (reading.whole.throughTool) {
    const ranking = scoreTopics(topics, reading.whole, thresholds);
    const candidates = ranking.slice(0, thresholds.maxCandidates).map((entry) => entry.topic);
    return { kind: 'fallback', topic: null, candidates, confidence: ranking[0]?.score ?? 0, ranking };
  }
  if (elsewhere) {
    const ranking = scoreTopics(topics, reading.whole, thresholds);
    const others = ranking.map((entry) => entry.topic).filter((topic) => topic !== elsewhere);
    const confidence = ranking.find((entry) => entry.topic === elsewhere)?.score ?? 0;
    const candidates = [elsewhere, ...others].slice(0, thresholds.maxCandidates);
    return { kind: 'answer', topic: elsewhere, candidates, confidence, ranking };
  }
  const whole = answeredForKind(decideOn(reading.whole), reading, thresholds);
  // The parts that answer a topic on their own, confidently and with real evidence, and their topics.
  // A part that asks "whose password?" of a kind of user the post names is that kind's answer.
  const answers = (parts: readonly QuestionFeatures[]) =>
    parts.map((part) => answerForKind(decideOn(part), reading.user));
  const sureOf = (results: readonly Decision[], parts: readonly QuestionFeatures[]) =>
    results.filter((result, i) => answersSurely(result, parts[i] as QuestionFeatures, thresholds));
  const surely = (parts: readonly QuestionFeatures[]) => sureOf(answers(parts), parts);
  const topicsOf = (results: readonly Decision[]) => {
    const distinct: Topic[] = [];
    for (const result of results) if (result.topic && !distinct.includes(result.topic)) distinct.push(result.topic);
    return distinct;
  };
  // Two problems, one per sentence or one per clause of a sentence ("…and the root mailbox is gone too").
  const sentenceAnswers = answers(reading.sentences);
  const sure = sureOf(sentenceAnswers, reading.sentences);
  const bySentence = topicsOf(sure);
  // Clauses are read only for a one-sentence question answered with one topic while another scores at least
  // half as much: a second problem in the same line gives its topic that much evidence in the whole (the
  // questions it was built from score 0.80 to 0.94 of the first), and reading clauses costs a match each.
  const [first, second] = whole.ranking;
  const secondClose = first !== undefined && second !== undefined && second.score >= first.score * CLAUSE_SECOND_RATIO;
  const byClause = () => (whole.kind === 'answer' && secondClose ? topicsOf(surely(reading.clauses)) : []);
  const problems = bySentence.length >= 2 ? bySentence : byClause();
  if (problems.length >= 2 && reading.whole.otherTaskTerms === 0) {
    const candidates = problems.slice(0, thresholds.maxCandidates);
    return { ...whole, kind: 'clarify', topic: null, candidates, twoProblems: true };
  }
  // A second problem in a part of its own, beside the answer's: read only while a second topic scores close
  // (what the rule asks of it, and most answers cost nothing).
  const secondProblem =
    whole.kind === 'answer' && secondClose && reading.whole.otherTaskTerms === 0
      ? secondProblemBesideAnswer(whole, reading.allClauses, answers(reading.allClauses), thresholds)
      : null;
  if (secondProblem && whole.topic) {
    return { ...whole, kind: 'clarify', topic: null, candidates: [whole.topic, secondProblem], twoProblems: true };
  }
  // Two possibilities the person says they cannot choose between, each a different problem: ask which.
  // Not for a question that falls back whole: "either my mfa is broken or the account id is wrong, jenkins
  // can't deploy to s3" is about something else, whatever its possibilities say on their own.
  const possibilities =
    whole.kind !== 'fallback' ? twoPossibilities(reading.alternatives.map(answers), whole.ranking, thresholds) : null;
  if (possibilities) return { ...whole, kind: 'clarify', topic: null, candidates: possibilities };
  if (reading.sentences.length < 2) {
    const carried =
      whole.kind === 'fallback' ? carriedByOneClause(reading, answers(reading.clauses), thresholds) : null;
    return carried
      ? { ...whole, kind: 'answer', topic: carried.topic, confidence: carried.confidence }
      : askWhenClose(whole, reading.whole, thresholds);
  }
  // A post that asks back only because its topics score close, whose one confident sentence answers its
  // first topic, is answered too: the sentence settles which.
  // Not when another sentence answers the other topic asked about, if less surely ("how do i reach aws
  // support? also i want to close the account once i'm in"): that is a second problem, not a close call.
  const otherAnswered = sentenceAnswers.some(
    (result) =>
      result.kind === 'answer' && result.topic !== bySentence[0] && whole.candidates.includes(result.topic as Topic),
  );
  const settled =
    whole.kind === 'clarify' && !whole.twoProblems && whole.ranking[0]?.topic === bySentence[0] && !otherAnswered;
  // The one confident sentence's answer, when exactly one topic is answered confidently.
  const strongest =
    bySentence.length === 1
      ? sure.reduce((best, result) => (result.confidence > best.confidence ? result : best))
      : undefined;
  if ((whole.kind === 'fallback' || settled) && reading.whole.otherTaskTerms === 0 && strongest?.topic) {
    // A post that falls back whole is carried by its one confident sentence, unless the post as a whole leads
    // with another topic that another sentence answers too: then it is two problems, asked in the whole's order.
    const secondProblem =
      whole.kind === 'fallback' ? otherSentenceProblem(strongest, reading.sentences, sentenceAnswers, whole) : null;
    const sureTopic = strongest.topic;
    if (secondProblem && whole.ranking.some((entry) => entry.topic === sureTopic)) {
      return { ...whole, kind: 'clarify', topic: null, candidates: [secondProblem, sureTopic], twoProblems: true };
    }
    return { ...whole, kind: 'answer', topic: sureTopic, confidence: strongest.confidence };
  }
  // The post read whole points at one topic and its one confident sentence at another ("…for our member
  // accounts… How do we reset the 2FA from the root account?"): ask which rather than guess.
  const [sentenceTopic] = bySentence;
  const disagree = whole.kind === 'answer' && bySentence.length === 1 && sentenceTopic !== whole.topic;
  if (disagree && whole.topic && sentenceTopic && reading.whole.otherTaskTerms === 0) {
    return { ...whole, kind: 'clarify', topic: null, candidates: [sentenceTopic, whole.topic] };
  }
  // A post still falling back after all that, whose sentences agree on its first topic, gets it.
  const decided = askWhenClose(whole, reading.whole, thresholds);
  const agreed = sentencesAgree(decided, sentenceAnswers, reading.whole, thresholds);
  return agreed ? { ...decided, kind: 'answer', topic: agreed.topic, confidence: agreed.score } : decided;
}

/**
 * The second problem of a post that falls back whole and has one confident sentence: the whole post's first
 * topic, when that is another topic and another sentence answers it, however unsurely, with at least
 * `SECOND_PROBLEM_RATIO` of the confident sentence's score. "Our AWS root email was on a domain we let lapse.
 * Now the card expired and AWS warns about suspension. I need to update the card but can't receive the
 * sign-in emails": the first sentence is surely the lost mailbox, the last two lean to the card, and so does
 * the whole. A sentence far weaker than the sure one is background more often than a problem: "…it's still
 * suspended although we added a new card already", "password and MFA both work, how do I close the account?";
 * and a sentence that tells of a problem already solved is never one ("…we paid and it was reactivated").
 */
function otherSentenceProblem(
  sure: Decision,
  sentences: readonly QuestionFeatures[],
  sentenceAnswers: readonly Decision[],
  whole: Decision,
): Topic | null {
  const [first] = whole.ranking;
  if (!first || first.topic === sure.topic) return null;
  const answered = sentenceAnswers.some(
    (result, i) =>
      result.kind === 'answer' &&
      !sentences[i]?.toldAsSolved &&
      result.topic === first.topic &&
      result.confidence >= sure.confidence * SECOND_PROBLEM_RATIO,
  );
  return answered ? first.topic : null;
}

/** The topics a whole question leans to: among its first `maxCandidates`, at least `CLAUSE_SECOND_RATIO` of its first. */
function leaningTopics(ranking: readonly ScoredTopic[], thresholds: Thresholds): Topic[] {
  const floor = (ranking[0]?.score ?? 0) * CLAUSE_SECOND_RATIO;
  return ranking
    .slice(0, thresholds.maxCandidates)
    .filter((entry) => entry.score >= floor)
    .map((entry) => entry.topic);
}

/**
 * A second problem beside the one a post is answered with: some part of it (a sentence, or a clause of one
 * joined by "and", "but", "also"…) surely answers another topic the whole leans to as well (among its first
 * `maxCandidates`, at least `CLAUSE_SECOND_RATIO` of its first), while another part answers the post's own
 * topic, however unsurely. "IAM user - forgot my password and lost my MFA phone. admin is on holiday": the
 * whole is the MFA device, its first clause surely the IAM user's password. "want to close an old aws account
 * but the root email is dead": the whole is the lost mailbox, the first clause surely closing the account.
 * Parts that tell of a problem already solved do not count ("…we paid and it was reactivated").
 */
function secondProblemBesideAnswer(
  whole: Decision,
  parts: readonly QuestionFeatures[],
  results: readonly Decision[],
  thresholds: Thresholds,
): Topic | null {
  if (whole.ranking.length === 0 || !whole.topic || parts.length < 2) return null;
  const leaning = leaningTopics(whole.ranking, thresholds);
  const counts = (i: number) => !(parts[i] as QuestionFeatures).toldAsSolved;
  const ownAnswered = results.some(
    (result, i) => counts(i) && result.kind === 'answer' && result.topic === whole.topic,
  );
  if (!ownAnswered) return null;
  let second: Decision | null = null;
  for (const [i, result] of results.entries()) {
    if (!counts(i) || result.topic === whole.topic || !result.topic || !leaning.includes(result.topic)) continue;
    if (!answersSurely(result, parts[i] as QuestionFeatures, thresholds)) continue;
    if (!second || result.confidence > second.confidence) second = result;
  }
  return second?.topic ?? null;
}

/**
 * The two topics a question's possibilities point at ("was it suspended or closed?": the suspended account
 * and closing it), in the whole's order; null when no pair points at two different topics. A possibility
 * points at the topic it leads with a sure score (`sentenceMinScore`), answered or asked about ("am I on
 * the wrong sign in page" is asked about, but leads surely). Only topics the whole question leans to as
 * well count: among its first `maxCandidates`, scoring at least `CLAUSE_SECOND_RATIO` of its first. Read
 * alone, a few words can point anywhere ("the new one" at the email already in use, "was it already used"
 * at it too, "aws support" at AWS Support).
 */
function twoPossibilities(
  pairs: readonly Decision[][],
  wholeRanking: readonly ScoredTopic[],
  thresholds: Thresholds,
): [Topic, Topic] | null {
  const leaning = leaningTopics(wholeRanking, thresholds);
  const pointsAt = (result: Decision | undefined): Topic | null => {
    const leader = result?.ranking[0];
    if (!leader || leader.score < thresholds.sentenceMinScore) return null;
    return leaning.includes(leader.topic) ? leader.topic : null;
  };
  for (const [first, second] of pairs) {
    const a = pointsAt(first);
    const b = pointsAt(second);
    if (a && b && a !== b) return leaning.indexOf(a) <= leaning.indexOf(b) ? [a, b] : [b, a];
  }
  return null;
}

/**
 * The one-sentence question that falls back whole, carried by its one confident clause, as a longer post is
 * by its one confident sentence: "my aws account is suspended and ec2 instances are stopped" is the
 * suspension, though the EC2 words thin the whole below an answer. Not when another clause with evidence of
 * its own leans to another topic first, however unsurely ("ec2 and rds are all stopped, the aws account is
 * suspended and also I lost the root mfa device": two problems, one thinned). Not when the question shows
 * another task, even once (as the sentences' rule). And when other products' words thinned the whole, only
 * a clause that names AWS in its own words carries it: "my rds mysql database won't accept connections and
 * I forgot the root password" is the database's root, "forgot my github password and lost the 2fa recovery
 * codes too" is GitHub's.
 */
function carriedByOneClause(
  reading: Reading,
  clauseAnswers: readonly Decision[],
  thresholds: Thresholds,
): Decision | null {
  const { whole, clauses } = reading;
  if (whole.otherTaskTerms > 0) return null;
  const clauseAt = (i: number) => clauses[i] as QuestionFeatures;
  let carrier: { result: Decision; index: number } | undefined;
  clauseAnswers.forEach((result, index) => {
    const sure = answersSurely(result, clauseAt(index), thresholds);
    if (sure && (!carrier || result.confidence > carrier.result.confidence)) carrier = { result, index };
  });
  if (!carrier) return null;
  if (whole.foreignTerms > 0 && !clauseAt(carrier.index).namesAws) return null;
  const topic = carrier.result.topic;
  const leansElsewhere = clauseAnswers.some(
    (result, i) => hasOwnEvidence(clauseAt(i), thresholds) && result.ranking[0]?.topic !== topic,
  );
  return leansElsewhere ? null : carrier.result;
}

/** A sentence or clause says enough to be a problem of its own (`sentenceMinEvidence`). */
function hasOwnEvidence(part: QuestionFeatures, thresholds: Thresholds): boolean {
  return evidenceWeight(part, thresholds) >= thresholds.sentenceMinEvidence;
}

/** A sentence's or clause's decision answers a topic on its own: confidently, and from evidence of its own. */
function answersSurely(result: Decision, part: QuestionFeatures, thresholds: Thresholds): boolean {
  return (
    result.kind === 'answer' && result.confidence >= thresholds.sentenceMinScore && hasOwnEvidence(part, thresholds)
  );
}

/**
 * When the post names a kind, a question back offers the leading topic if it is written for that kind, and
 * any topic written for that kind alone that scores close behind, where there is room; and two decisions are
 * taken again among that kind's topics; the ranking stays the whole one.
 * - A thin post that falls back because another kind's topic scores close behind its first ("reset a user's
 *   password in Identity Center": the IAM user's password topic): among the topics that have something for
 *   that kind, it is answered if it leads clearly there.
 * - A question back that offers the kind none of its own topics ("…forgot my password; I log in with the
 *   account ID and my user name": the root user's and Identity Center's passwords): among the topics written
 *   for that kind (not the ones for anyone, billing or AWS Support, which fit every question a little), it is
 *   answered, or asked among those.
 * The first never when the whole question's first topic has nothing for the kind: that is another problem,
 * not another kind's ("how do I rotate access keys for an IAM user…").
 */
function answeredForKind(decision: Decision, reading: Reading, thresholds: Thresholds): Decision {
  const kind = reading.user;
  if (kind === null) return decision;
  // A question back never leaves out the topic that leads, when it is written for the kind: "okta -> aws login
  // is broken" asks about the locked-out group's topics for federated users, and the federated password
  // (in another group) leads them all.
  const [leader] = decision.ranking;
  if (
    decision.kind === 'clarify' &&
    !decision.twoProblems &&
    leader &&
    hasOwnStepsFor(leader.topic, kind) &&
    !decision.candidates.includes(leader.topic)
  ) {
    return { ...decision, candidates: [leader.topic, ...decision.candidates].slice(0, thresholds.maxCandidates) };
  }
  const offersNothing =
    decision.kind === 'clarify' && decision.candidates.every((topic) => !hasOwnStepsFor(topic, kind));
  // Nor, when it offers the kind something already and has room, one written for the kind alone that scores
  // close behind the first: "identity center login fails" was asked about the portal and the wrong sign-in page
  // only, though the Identity Center password scored second. Never in place of a topic already offered: in a
  // vague question ("root user stuck") the scores beyond the group's say little.
  const room = thresholds.maxCandidates - decision.candidates.length;
  const closeOwn =
    decision.kind === 'clarify' && !decision.twoProblems && !offersNothing && leader && room > 0
      ? decision.ranking
          .slice(0, thresholds.maxCandidates)
          .filter(
            (entry) =>
              entry.score >= leader.score * KIND_TOPIC_CLOSE_RATIO &&
              writtenForKindAlone(entry.topic, kind) &&
              !decision.candidates.includes(entry.topic),
          )
          .map((entry) => entry.topic)
          .slice(0, room)
      : [];
  if (closeOwn.length > 0) {
    const scoreOf = (topic: Topic) => decision.ranking.find((entry) => entry.topic === topic)?.score ?? 0;
    return { ...decision, candidates: [...decision.candidates, ...closeOwn].sort((a, b) => scoreOf(b) - scoreOf(a)) };
  }
  if (decision.kind !== 'fallback' && !offersNothing) return decision;
  // Leaving out other kinds' topics settles which of the kind's own leads; it never passes over a leader that
  // has nothing for the kind, as if it were only another kind's: "how do I rotate access keys for an IAM user
  // every 90 days?" leads with another problem altogether, and had been answered with the IAM user's password.
  if (!offersNothing && leader && !fitsKind(leader.topic, kind)) return decision;
  const fits = offersNothing ? hasOwnStepsFor : fitsKind;
  const forKind = decision.ranking.filter((entry) => fits(entry.topic, kind));
  const narrowed = decide(forKind, thresholds, reading.whole);
  if (narrowed.kind === 'answer' || (offersNothing && narrowed.kind === 'clarify')) {
    return { ...narrowed, ranking: decision.ranking };
  }
  if (!offersNothing) return decision;
  // Too thin to decide among the kind's own topics either: ask which of those leads, not of another kind's.
  const candidates = closeTopics(forKind, thresholds.suggestRatio, thresholds.maxCandidates);
  return candidates.length >= 2 ? { ...decision, candidates } : decision;
}

/**
 * The first topic of a post that fell back, when its sentences agree on it: each ranks it first, though
 * none confidently (a fraud report's "$3,847 bill…", "40 instances in regions I never touched…", "how do I
 * report this?" each lean to fraud; the detail thins the whole below an answer). At least
 * `agreeMinSentences` of them, more than rank any other topic first, and at least half; only for a post
 * that names AWS, shows no other task, and is mostly about signing in.
 */
function sentencesAgree(
  whole: Decision,
  sentenceAnswers: readonly Decision[],
  features: Pick<QuestionFeatures, 'anchored' | 'otherTaskTerms'>,
  thresholds: Thresholds,
): ScoredTopic | null {
  const [first] = whole.ranking;
  if (whole.kind !== 'fallback' || !first || !features.anchored || features.otherTaskTerms > 0) return null;
  if (first.signal < thresholds.agreeMinSignal) return null;
  const leaders = new Map<Topic, number>();
  for (const answer of sentenceAnswers) {
    const leader = answer.ranking[0]?.topic;
    if (leader) leaders.set(leader, (leaders.get(leader) ?? 0) + 1);
  }
  const agreeing = leaders.get(first.topic) ?? 0;
  const mostElse = Math.max(0, ...[...leaders].filter(([topic]) => topic !== first.topic).map(([, count]) => count));
  const agree =
    agreeing >= thresholds.agreeMinSentences && agreeing > mostElse && agreeing * 2 >= sentenceAnswers.length;
  return agree ? first : null;
}

/**
 * A post about signing in to AWS (it names AWS, and has no words of other products or other tasks)
 * whose evidence is spread too thin to answer, but where two topics lead together: asking "which of
 * these?" costs the person a click, the fallback costs them the way in.
 */
export function askWhenClose(
  decision: Decision,
  features: Pick<QuestionFeatures, 'anchored' | 'foreignTerms' | 'otherTaskTerms'>,
  thresholds: Thresholds,
): Decision {
  const [first, second] = decision.ranking;
  if (decision.kind !== 'fallback' || !first || !second) return decision;
  if (!features.anchored || features.foreignTerms > 0 || features.otherTaskTerms > 0) return decision;
  if (first.score < thresholds.askMinScore || first.signal < thresholds.askMinSignal) return decision;
  const candidates = closeTopics(decision.ranking, thresholds.askCloseRatio, thresholds.maxCandidates);
  if (candidates.length < 2) return decision;
  return { ...decision, kind: 'clarify', topic: null, candidates };
}

/**
 * The topics worth a click on a fallback: a post that names AWS but is thinned below an answer by its
 * detail (a fraud report listing the services nobody launched, a story of how the MFA app got lost) still
 * ranks its topic first far more often than it reaches an answer. Offering the nearest topics, with the
 * fallback's "I'm not sure" kept, puts the person one click from their steps; a wrong guess costs
 * nothing. Not for another task (a CLI error) or a post mostly about other products.
 */
export function nearestOnFallback(
  decision: Pick<Decision, 'kind' | 'ranking'>,
  features: Pick<QuestionFeatures, 'anchored' | 'otherTaskTerms'>,
  thresholds: Thresholds,
): Topic[] {
  const [first] = decision.ranking;
  if (decision.kind !== 'fallback' || !first || !features.anchored || features.otherTaskTerms > 0) return [];
  if (first.score < thresholds.suggestMinScore || first.signal < thresholds.suggestMinSignal) return [];
  return closeTopics(decision.ranking, thresholds.suggestRatio, thresholds.maxSuggestions);
}

/** Of `close` (best first), the first and those scoring at least `ratio` of its score in `rankedOnWhat`. */
function stillClose(close: readonly Topic[], rankedOnWhat: readonly ScoredTopic[], ratio: number): Topic[] {
  const scoreOf = (topic: Topic | undefined) => rankedOnWhat.find((entry) => entry.topic === topic)?.score ?? 0;
  const bar = scoreOf(close[0]) * ratio;
  return close.filter((topic, i) => i === 0 || scoreOf(topic) >= bar);
}

/** The topics scoring at least `ratio` of the first one's score, best first, at most `max` of them. */
function closeTopics(ranking: readonly ScoredTopic[], ratio: number, max: number): Topic[] {
  const best = ranking[0]?.score ?? 0;
  return ranking
    .filter((entry) => entry.score >= best * ratio)
    .slice(0, max)
    .map((entry) => entry.topic);
}
