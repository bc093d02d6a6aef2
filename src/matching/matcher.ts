// Finds the topic a question is about. Fuse.js token search ranks the corpus's phrases (each example
// question, keyword and title is its own record, so a topic with more vocabulary does not win by
// multiplying scores); the matcher then calibrates: answer, ask which topic, or admit it doesn't know.
import Fuse from 'fuse.js';
import type { Corpus } from '../knowledge/load-knowledge';
import type { Topic } from '../knowledge/schema';
import { createAnalyzer } from './analyzer';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';

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
  /** Every topic with a score above zero, best first: for tests, the eval and tuning. */
  ranking: ScoredTopic[];
}

export interface Matcher {
  match(question: string): MatchResult;
}

interface PhraseRecord {
  topicIndex: number;
  /** Terms wrapped as `_term_`, so a term only ever matches a whole term ("id" never hits "identity"). */
  text: string;
}

const mark = (terms: readonly string[]): string => terms.map((term) => `_${term}_`).join(' ');
const MARKED_TERM = /_[a-z0-9]+_/g;

export function createMatcher(corpus: Corpus, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const { topics, lexicon } = corpus;
  const topicTexts = topics.map((topic) => [topic.title, ...topic.vocabulary.keywords, ...topic.vocabulary.questions]);
  const analyzer = createAnalyzer(lexicon, topicTexts.flat());

  const records: PhraseRecord[] = [];
  const topicTerms = topics.map(() => new Set<string>());
  topicTexts.forEach((texts, topicIndex) => {
    for (const text of texts) {
      const terms = analyzer.analyzeCorpusText(text);
      if (terms.length === 0) continue;
      records.push({ topicIndex, text: mark(terms) });
      for (const term of terms) topicTerms[topicIndex]?.add(term);
    }
  });

  const phraseIndex = new Fuse(records, {
    keys: ['text'],
    useTokenSearch: true,
    tokenize: MARKED_TERM,
    // Typos are already corrected; here a term either is in a phrase or is not.
    threshold: 0,
    ignoreLocation: true,
    // Phrases are short; a long example question must not lose to a two-word keyword for its length.
    ignoreFieldNorm: true,
    includeScore: true,
  });

  const knownTerms = new Set(topicTerms.flatMap((set) => [...set]));
  const topicFrequency = new Map<string, number>();
  for (const set of topicTerms) for (const term of set) topicFrequency.set(term, (topicFrequency.get(term) ?? 0) + 1);
  const topicIdf = (term: string): number => {
    const df = topicFrequency.get(term) ?? 0;
    return Math.log(1 + (topics.length - df + 0.5) / (df + 0.5));
  };
  const foreignTerms = new Set(lexicon.foreign.flatMap((word) => analyzer.canonical(word)));
  const anchorTerms = new Set(lexicon.anchors.flatMap((word) => analyzer.canonical(word)));

  function rank(terms: readonly string[]): { ranking: ScoredTopic[]; penalty: number } {
    const unique = [...new Set(terms)];
    const topical = unique.filter((term) => knownTerms.has(term) && !foreignTerms.has(term));
    const foreign = unique.filter((term) => foreignTerms.has(term));
    const unknown = unique.filter((term) => !knownTerms.has(term) && !foreignTerms.has(term));
    if (topical.length === 0) return { ranking: [], penalty: 1 };

    // Best single phrase per topic: Fuse's score is the IDF-weighted share of query terms it lacks.
    const bestPhrase = new Array<number>(topics.length).fill(0);
    for (const result of phraseIndex.search(mark(topical))) {
      const coverage = 1 - (result.score ?? 1);
      const index = result.item.topicIndex;
      if (coverage > (bestPhrase[index] ?? 0)) bestPhrase[index] = coverage;
    }
    // Whole-topic coverage, weighted by how few topics use each term.
    const weights = topical.map(topicIdf);
    const total = weights.reduce((sum, weight) => sum + weight, 0);

    // Words the corpus has never seen, and words from other products, dilute the evidence.
    const anchored = unique.some((term) => anchorTerms.has(term));
    const noise =
      unknown.length * thresholds.unknownTermWeight +
      foreign.length * (anchored ? thresholds.foreignTermWeightAnchored : thresholds.foreignTermWeight);
    const penalty = total / (total + noise);

    const ranking: ScoredTopic[] = [];
    topics.forEach((topic, index) => {
      const vocabulary = topicTerms[index] as Set<string>;
      const covered = topical.reduce((sum, term, i) => sum + (vocabulary.has(term) ? (weights[i] ?? 0) : 0), 0);
      const union = total > 0 ? covered / total : 0;
      const blended = thresholds.phraseWeight * (bestPhrase[index] ?? 0) + (1 - thresholds.phraseWeight) * union;
      const score = blended * penalty ** thresholds.penaltyExponent;
      if (score > 0) ranking.push({ topic, score });
    });
    ranking.sort((a, b) => b.score - a.score);
    return { ranking, penalty };
  }

  return {
    match(question) {
      const { ranking } = rank(analyzer.analyzeQuestion(question));
      return decide(ranking, thresholds);
    },
  };
}

function decide(ranking: ScoredTopic[], thresholds: Thresholds): MatchResult {
  const [first, second] = ranking;
  const candidates = ranking.slice(0, thresholds.maxCandidates).map((entry) => entry.topic);
  if (!first || first.score < thresholds.minClarifyScore) {
    return { kind: 'fallback', topic: null, candidates, confidence: first?.score ?? 0, ranking };
  }
  const margin = first.score - (second?.score ?? 0);
  if (first.score >= thresholds.minAnswerScore && margin >= thresholds.minMargin) {
    return { kind: 'answer', topic: first.topic, candidates, confidence: first.score, ranking };
  }
  const close = ranking
    .filter(
      (entry) => entry.score >= first.score - thresholds.clarifyWindow && entry.score >= thresholds.minClarifyScore,
    )
    .slice(0, thresholds.maxCandidates)
    .map((entry) => entry.topic);
  if (close.length >= 2) return { kind: 'clarify', topic: null, candidates: close, confidence: first.score, ranking };
  if (first.score >= thresholds.minAnswerScore) {
    return { kind: 'answer', topic: first.topic, candidates, confidence: first.score, ranking };
  }
  return { kind: 'fallback', topic: null, candidates, confidence: first.score, ranking };
}
