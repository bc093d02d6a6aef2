// Finds the topic a question is about, in three steps:
//  1. features: for every topic, the share of the question's evidence it explains (each term votes for
//     the topics whose phrases use it) and how much of the question its single best phrase covers (every
//     example question, keyword and title is its own phrase, so a topic with more vocabulary does not
//     win by multiplying scores); plus the question's words from other products ("github", "s3") and
//     words the corpus has never seen, which dilute the evidence. Fuse.js does the fuzzy part, before
//     this: typos are corrected against the corpus vocabulary (analyzer.ts).
//  2. score: one number per topic, 0..1, from those features and the weights in thresholds.ts.
//  3. decide: answer (one clear winner), clarify (two to four close topics) or fallback (nothing fits).
import type { Corpus } from '../knowledge/load-knowledge';
import type { AskerKind, Topic } from '../knowledge/schema';
import { createAnalyzer } from './analyzer';
import { loadEnglishWords } from './english-words';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';
import { answerForKind, createUserKindReader } from './user-kind';

export type MatchKind = 'answer' | 'clarify' | 'fallback';

export interface ScoredTopic {
  topic: Topic;
  score: number;
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
  /** The kind of user the question says is asking, if it says one (and only one). */
  user: AskerKind | null;
}

/** What `decide` makes of the scores: the match, before the kind of user is added. */
export type Decision = Omit<MatchResult, 'user'>;

/** What a question gives each topic, before any weighting: the input of `scoreTopics`. */
export interface QuestionFeatures {
  terms: string[];
  /** Each topical term (and word pair): how much it says at all, and how its vote splits across topics. */
  termVotes: TermVote[];
  /** Per topic: how much of the question its best single phrase covers (Fuse token-search scoring), 0..1. */
  phraseCoverage: Float64Array;
  /** Words from other products or unrelated AWS services ("github", "s3"). */
  foreignTerms: number;
  /** Words the corpus has never seen. */
  unknownTerms: number;
  /** Whether the question also names AWS itself ("aws", "console", "iam"...). */
  anchored: boolean;
  /** The clarify group whose words make up the whole question, if one does (its topics, in order). */
  clarifyGroup: Topic[] | null;
  /** The kind of user the question names (user-kind.ts), read from the same terms. */
  user: AskerKind | null;
}

export interface Matcher {
  match(question: string): MatchResult;
  features(question: string): QuestionFeatures;
  topics: readonly Topic[];
}

interface PhraseRecord {
  topicIndex: number;
  /** Its words and adjacent word pairs. */
  terms: ReadonlySet<string>;
}

/** Adjacent pairs ("root password", "reset link") say more than their words apart. */
const withPairs = (terms: readonly string[]): string[] => [
  ...terms,
  ...terms.slice(1).map((term, index) => `${terms[index]}+${term}`),
];

export function createMatcher(corpus: Corpus, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const { topics, lexicon } = corpus;
  const topicTexts = topics.map((topic) => [topic.title, ...topic.vocabulary.keywords, ...topic.vocabulary.questions]);
  const analyzer = createAnalyzer(lexicon, topicTexts.flat(), loadEnglishWords);

  const records: PhraseRecord[] = [];
  topicTexts.forEach((texts, topicIndex) => {
    for (const text of texts) {
      const words = analyzer.analyzeCorpusText(text);
      if (words.length === 0) continue;
      records.push({ topicIndex, terms: new Set(withPairs(words)) });
    }
  });

  const phraseIndex = buildPhraseIndex(records, topics.length);
  const termVotes = buildTermVotes(records, topics.length);
  // "root+password" looked up by its two words, without building the pair's string for every question.
  const pairVotesByWords = new Map<string, Map<string, TermVote>>();
  for (const [term, vote] of termVotes) {
    const [first, second] = term.split('+');
    if (first === undefined || second === undefined) continue;
    const seconds = pairVotesByWords.get(first) ?? new Map<string, TermVote>();
    seconds.set(second, vote);
    pairVotesByWords.set(first, seconds);
  }
  const foreign = new Set(lexicon.foreign.flatMap((entry) => analyzer.canonical(entry)));
  const foreignWithoutAnchor = new Set(lexicon.foreign_without_anchor.flatMap((entry) => analyzer.canonical(entry)));
  const anchors = lexicon.anchors.map((entry) => analyzer.canonical(entry));
  const readUserKind = createUserKindReader(analyzer);
  const clarifyGroups = lexicon.clarify_groups.map((group) => ({
    terms: new Set(group.terms.flatMap((entry) => analyzer.canonical(entry))),
    topics: group.topics.map((id) => corpus.byId.get(id)).filter((topic): topic is Topic => topic !== undefined),
  }));

  /** A question made only of one group's words (words the corpus never saw aside) names a kind of problem, not a case. */
  function findClarifyGroup(terms: readonly string[], foreignCount: number): Topic[] | null {
    if (foreignCount > 0) return null;
    const known = terms.filter((term) => termVotes.has(term) || foreign.has(term));
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

  function features(question: string): QuestionFeatures {
    const words = analyzer.analyzeQuestion(question);
    const termSet = new Set(words);
    const terms = [...termSet];
    const topical = terms.filter((term) => termVotes.has(term) && !foreign.has(term));
    // Then the adjacent pairs the corpus uses, each once, in the order they come.
    const votes = topical.map((term) => termVotes.get(term) as TermVote);
    const pairVotes = new Set<TermVote>();
    const kept = words.filter((word) => !foreign.has(word));
    for (let i = 1; i < kept.length; i++) {
      const vote = pairVotesByWords.get(kept[i - 1] as string)?.get(kept[i] as string);
      if (vote) pairVotes.add(vote);
    }
    for (const vote of pairVotes) votes.push(vote);
    const anchored = anchors.some((anchor) => anchor.length > 0 && anchor.every((term) => termSet.has(term)));
    let foreignTerms = 0;
    let unknownTerms = 0;
    for (const term of terms) {
      if (foreign.has(term) || (!anchored && foreignWithoutAnchor.has(term))) foreignTerms++;
      else if (!termVotes.has(term)) unknownTerms++;
    }
    return {
      terms,
      termVotes: votes,
      phraseCoverage: phraseIndex.bestCoverage(topical),
      foreignTerms,
      clarifyGroup: findClarifyGroup(terms, foreignTerms),
      unknownTerms,
      anchored,
      user: readUserKind(question, words),
    };
  }

  return {
    topics,
    features,
    match(question) {
      const found = features(question);
      return answerForKind(
        { ...decide(scoreTopics(topics, found, thresholds), thresholds, found), user: found.user },
        found.user,
      );
    },
  };
}

/**
 * For each topic, how much of the question its best phrase holds: the IDF-weighted share of the
 * question's words in that phrase, the score Fuse.js token search (`useTokenSearch`, BM25-style IDF)
 * gives a record, for exact terms. It started as a Fuse token search over every phrase; bitap scanning
 * every phrase for every term cost 2.3 ms a question, where these precomputed postings take microseconds.
 */
function buildPhraseIndex(records: readonly PhraseRecord[], topicCount: number) {
  const lists = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const term of record.terms) {
      if (term.includes('+')) continue;
      const list = lists.get(term) ?? [];
      list.push(index);
      lists.set(term, list);
    }
  });
  // Typed arrays: read for every word of every question, and a single object each for the collector.
  const postings = new Map([...lists].map(([term, list]) => [term, Int32Array.from(list)]));
  const topicOfRecord = Int32Array.from(records, (record) => record.topicIndex);
  const idfOf = (df: number): number => Math.log(1 + (records.length - df + 0.5) / (df + 0.5));
  const idfs = new Map([...postings].map(([term, list]) => [term, idfOf(list.length)]));
  const idf = (term: string): number => idfs.get(term) ?? idfOf(0);
  const none = new Int32Array(0);
  // Scratch space reused by every question (matching is synchronous): each phrase's coverage so far,
  // and which phrases have any, so only those are read and reset.
  const covered = new Float64Array(records.length);
  const touched = new Int32Array(records.length);
  return {
    bestCoverage(terms: readonly string[]): Float64Array {
      const best = new Float64Array(topicCount);
      const weights = terms.map(idf);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      if (total <= 0) return best;
      // Plain index loops: this runs over a few hundred postings a question, for every question.
      let touchedCount = 0;
      terms.forEach((term, i) => {
        const share = (weights[i] ?? 0) / total;
        const list = postings.get(term) ?? none;
        for (let k = 0; k < list.length; k++) {
          const recordIndex = list[k] ?? 0;
          if (covered[recordIndex] === 0) touched[touchedCount++] = recordIndex;
          covered[recordIndex] = (covered[recordIndex] ?? 0) + share;
        }
      });
      for (let k = 0; k < touchedCount; k++) {
        const recordIndex = touched[k] ?? 0;
        const topicIndex = topicOfRecord[recordIndex] ?? 0;
        const coverage = covered[recordIndex] ?? 0;
        if (coverage > (best[topicIndex] ?? 0)) best[topicIndex] = coverage;
        covered[recordIndex] = 0;
      }
      return best;
    },
  };
}

export interface TermVote {
  /** How much the term says about the topic at all: 1 when only one topic uses it, 0 when all do evenly. */
  weight: number;
  /** How the term's vote splits across topics (sums to 1). */
  shares: number[];
}

/**
 * For every term, how its vote splits across topics: in proportion to how many of each topic's phrases
 * use it (smoothed), weighted by how concentrated that split is (one minus its normalised entropy).
 * "aws" is everywhere and weighs almost nothing; "captcha" lives in one topic and weighs fully.
 */
function buildTermVotes(records: readonly PhraseRecord[], topicCount: number): Map<string, TermVote> {
  const counts = new Map<string, number[]>();
  for (const record of records) {
    for (const term of record.terms) {
      const perTopic = counts.get(term) ?? new Array<number>(topicCount).fill(0);
      perTopic[record.topicIndex] = (perTopic[record.topicIndex] ?? 0) + 1;
      counts.set(term, perTopic);
    }
  }
  // Counts become rates (per phrase of the topic), so a topic with more example phrases does not
  // collect more of every shared word's vote just for being bigger.
  const phrasesPerTopic = new Array<number>(topicCount).fill(0);
  for (const record of records) phrasesPerTopic[record.topicIndex] = (phrasesPerTopic[record.topicIndex] ?? 0) + 1;
  const meanPhrases = records.length / Math.max(1, topicCount);
  const smoothing = 0.1;
  const maxEntropy = Math.log(topicCount);
  const votes = new Map<string, TermVote>();
  for (const [term, perTopic] of counts) {
    const rates = perTopic.map((count, index) => (count * meanPhrases) / Math.max(1, phrasesPerTopic[index] ?? 0));
    const total = rates.reduce((sum, rate) => sum + rate + smoothing, 0);
    const shares = rates.map((rate) => (rate + smoothing) / total);
    const entropy = -shares.reduce((sum, p) => sum + (p > 0 ? p * Math.log(p) : 0), 0);
    votes.set(term, { weight: maxEntropy > 0 ? 1 - entropy / maxEntropy : 1, shares });
  }
  return votes;
}

/** How much evidence a question carries: the summed weight of its terms, as scoring counts it. */
export function evidenceWeight(features: Pick<QuestionFeatures, 'termVotes'>, thresholds: Thresholds): number {
  return features.termVotes.reduce((sum, vote) => sum + vote.weight ** thresholds.termWeightPower, 0);
}

export function scoreTopics(
  topics: readonly Topic[],
  features: QuestionFeatures,
  thresholds: Thresholds,
): ScoredTopic[] {
  const weights = features.termVotes.map((vote) => vote.weight ** thresholds.termWeightPower);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight <= 0) return [];
  // Words from elsewhere dilute the question's evidence; a word from another product dilutes it a lot.
  const noise =
    features.foreignTerms * (features.anchored ? thresholds.foreignWeightAnchored : thresholds.foreignWeight) +
    features.unknownTerms * thresholds.unknownWeight;
  const signal = totalWeight / (totalWeight + noise);
  // Each term hands its weight out across topics by its shares.
  const votesPerTopic = new Float64Array(topics.length);
  features.termVotes.forEach((vote, i) => {
    const weight = weights[i] ?? 0;
    vote.shares.forEach((share, index) => {
      votesPerTopic[index] = (votesPerTopic[index] ?? 0) + weight * share;
    });
  });
  const ranking: ScoredTopic[] = [];
  topics.forEach((topic, index) => {
    const votes = votesPerTopic[index] ?? 0;
    if (votes < thresholds.minVotes) return;
    const share = votes / totalWeight;
    const blended =
      thresholds.phraseWeight * (features.phraseCoverage[index] ?? 0) + (1 - thresholds.phraseWeight) * share;
    ranking.push({ topic, score: blended * signal });
  });
  return ranking.sort((a, b) => b.score - a.score);
}

export function decide(
  ranking: ScoredTopic[],
  thresholds: Thresholds,
  features: Pick<QuestionFeatures, 'clarifyGroup' | 'termVotes' | 'foreignTerms' | 'anchored'>,
): Decision {
  const { clarifyGroup } = features;
  const totalWeight = evidenceWeight(features, thresholds);
  const [first, second] = ranking;
  const confidence = first?.score ?? 0;
  const ranked = ranking.slice(0, thresholds.maxCandidates).map((entry) => entry.topic);
  if (clarifyGroup) {
    // The group's topics, those the words point at most first.
    const inGroup = ranking.map((entry) => entry.topic).filter((topic) => clarifyGroup.includes(topic));
    const candidates = [...new Set([...inGroup, ...clarifyGroup])].slice(0, thresholds.maxCandidates);
    return { kind: 'clarify', topic: null, candidates, confidence: Math.min(confidence, 0.5), ranking };
  }
  // A long question spreads its evidence thin; a topic far ahead of the rest is still the answer.
  // Not when the thinning came from another product's name with nothing AWS beside it: "my github
  // 2fa app" is not about AWS, "an ec2 box we never launched" is.
  const clearWinner =
    first !== undefined &&
    (features.foreignTerms === 0 || features.anchored) &&
    first.score >= thresholds.minClearScore &&
    (second?.score ?? 0) <= first.score * thresholds.clearLeadRatio;
  if (!first || totalWeight < thresholds.minEvidence || (first.score < thresholds.minScore && !clearWinner)) {
    return { kind: 'fallback', topic: null, candidates: ranked, confidence, ranking };
  }
  const clarifyRatio = Math.min(0.95, thresholds.clarifyRatio + thresholds.clarifyRatioPerWeight * totalWeight);
  const close = ranking.filter((entry) => entry.score >= first.score * clarifyRatio);
  if (second && close.length >= 2) {
    const candidates = close.slice(0, thresholds.maxCandidates).map((entry) => entry.topic);
    return { kind: 'clarify', topic: null, candidates, confidence, ranking };
  }
  return { kind: 'answer', topic: first.topic, candidates: ranked, confidence, ranking };
}
