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
import type { Topic } from '../knowledge/schema';
import { createAnalyzer } from './analyzer';
import { loadEnglishWords } from './english-words';
import { createAnchorFinder } from './index/anchor-finder';
import { nearestTopics, votesAmong } from './index/contenders';
import { buildPhraseIndex, type TopicCoverage } from './index/phrase-index';
import { type PhraseRecord, withPairs } from './index/phrase-record';
import { tallyScratch } from './index/tally-scratch';
import { buildTermVotes, REFERENCE_PHRASES, REFERENCE_TOPICS, type TermVote } from './index/term-votes';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';

export type { TermVote } from './index/term-votes';

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
}

/** What a question gives each topic, before any weighting: the input of `scoreTopics`. */
export interface QuestionFeatures {
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
  /** The clarify group whose words make up the whole question, if one does (its topics, in order). */
  clarifyGroup: Topic[] | null;
}

export interface Matcher {
  match(question: string): MatchResult;
  features(question: string): QuestionFeatures;
  topics: readonly Topic[];
}

export function createMatcher(corpus: Corpus, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const { topics, lexicon } = corpus;
  const topicTexts = topics.map((topic) => [topic.title, ...topic.vocabulary.keywords, ...topic.vocabulary.questions]);
  const analyzer = createAnalyzer(lexicon, topicTexts.flat(), loadEnglishWords);

  const records: PhraseRecord[] = [];
  topicTexts.forEach((texts, topicIndex) => {
    for (const text of texts) {
      const words = analyzer.analyzeCorpusText(text);
      if (words.length === 0) continue;
      records.push({ topicIndex, terms: withPairs(words) });
    }
  });

  // A corpus of the reference size or smaller weighs its terms by its own phrases; a larger one by the
  // contenders' phrases, out of as many as the reference corpus has (index/contenders.ts).
  const phraseIndex = buildPhraseIndex(
    records,
    topics.length,
    topics.length <= REFERENCE_TOPICS ? records.length : REFERENCE_PHRASES,
  );
  const termVotes = buildTermVotes(records, topics.length);
  // "root+password" looked up by its two words, without building the pair's string for every question.
  const pairVotesByWords = new Map<string, Map<string, TermVote>>();
  for (const [term, vote] of termVotes) {
    if (!term.includes('+')) continue;
    const [first, second] = term.split('+');
    if (first === undefined || second === undefined) continue;
    const seconds = pairVotesByWords.get(first) ?? new Map<string, TermVote>();
    seconds.set(second, vote);
    pairVotesByWords.set(first, seconds);
  }
  const foreign = new Set(lexicon.foreign.flatMap((entry) => analyzer.canonical(entry)));
  const foreignWithoutAnchor = new Set(lexicon.foreign_without_anchor.flatMap((entry) => analyzer.canonical(entry)));
  const anchors = lexicon.anchors.map((entry) => analyzer.canonical(entry));
  // The topics whose phrases name AWS (a lexicon anchor, as typed), for questions that do
  // (index/contenders.ts). As typed: "aws" is a stop word, and synonyms fold "owner" onto "root".
  const namesAws = createAnchorFinder(lexicon.anchors);
  // Found on the first question that names AWS in a corpus larger than the reference: not at start.
  let namingAws: Uint8Array | undefined;
  const topicsNamingAws = (): Uint8Array => {
    namingAws ??= Uint8Array.from(topicTexts, (texts) => (texts.some((text) => namesAws(text)) ? 1 : 0));
    return namingAws;
  };
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
    // In a corpus larger than the reference, only the topics nearest the question contend, weighed
    // among themselves (index/contenders.ts); a smaller corpus is weighed whole.
    let contenders: TopicCoverage;
    let contendingVotes = votes;
    if (topics.length <= REFERENCE_TOPICS) contenders = phraseIndex.bestCoverage(topical);
    else {
      const nearest = nearestTopics(
        votes,
        (tally) => phraseIndex.addBestCoverage(topical, tally),
        thresholds,
        topics.length,
        namesAws(question) ? topicsNamingAws() : null,
      );
      const sorted = nearest.sort((a, b) => a - b);
      contenders = phraseIndex.bestCoverage(topical, sorted);
      contendingVotes = votesAmong(votes, sorted);
    }
    return {
      terms,
      termVotes: contendingVotes,
      phraseCoverage: contenders,
      foreignTerms,
      clarifyGroup: findClarifyGroup(terms, foreignTerms),
      unknownTerms,
      anchored,
    };
  }

  return {
    topics,
    features,
    match(question) {
      const found = features(question);
      return decide(scoreTopics(topics, found, thresholds), thresholds, found);
    },
  };
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
  const ranking: ScoredTopic[] = [];
  // In topic order before sorting, so topics that tie stay in corpus order.
  for (const { index, votes: extra, coverage: best } of tally.drain()) {
    const votes = otherVotes + extra;
    const topic = topics[index];
    if (!topic || votes < thresholds.minVotes) continue;
    const share = votes / totalWeight;
    const blended = thresholds.phraseWeight * best + (1 - thresholds.phraseWeight) * share;
    ranking.push({ topic, score: blended * signal });
  }
  ranking.sort((a, b) => b.score - a.score);
  // In a corpus of the reference size or smaller, the topics none of the question's terms point at get
  // the smoothing votes alone, all the same score, below every topic above, when those reach `minVotes`
  // (as the thresholds were tuned). In a larger corpus only the contenders are scored.
  if (topics.length <= REFERENCE_TOPICS && otherVotes >= thresholds.minVotes) {
    const scored = new Set(ranking.map((entry) => entry.topic));
    const score = (1 - thresholds.phraseWeight) * (otherVotes / totalWeight) * signal;
    for (const topic of topics) if (!scored.has(topic)) ranking.push({ topic, score });
  }
  return ranking;
}

export function decide(
  ranking: ScoredTopic[],
  thresholds: Thresholds,
  features: Pick<QuestionFeatures, 'clarifyGroup' | 'termVotes' | 'foreignTerms' | 'anchored'>,
): MatchResult {
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
