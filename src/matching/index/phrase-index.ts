// For each topic, how much of the question its best phrase holds: the IDF-weighted share of the
// question's words in that phrase, the score Fuse.js token search (`useTokenSearch`, BM25-style IDF)
// gives a record, for exact terms. It started as a Fuse token search over every phrase; bitap scanning
// every phrase for every term cost 2.3 ms a question, where these precomputed postings take microseconds.
// Only the phrases that hold one of the question's terms are read, and only their topics are returned.
import type { IndexedPhrases } from './phrase-record';

/** Where best-phrase coverage can go, topic by topic (the per-question tally). */
export interface CoverageSink {
  add(topicIndex: number, votes: number, coverage: number): void;
}

/** Topic indexes in ascending order, each once. */
export type SortedTopics = readonly number[];

/** The first index of `list` (ascending) whose value is at least `value`. */
export function lowerBound(list: ArrayLike<number>, value: number, from = 0): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The topics with a phrase holding one of the question's terms, and how much of it their best phrase covers (0..1). */
export interface TopicCoverage {
  topics: number[];
  coverage: number[];
}

export interface PhraseIndex {
  /**
   * With `among`, only those topics' phrases count, for the coverage and for the IDF of each term (its
   * document frequency among their phrases, out of a reference corpus's phrases): the question is
   * weighed as it would be in a corpus of the reference size made of those topics. Terms none of
   * their phrases use are left out, as words no topic uses are.
   */
  bestCoverage(terms: readonly string[], among?: SortedTopics): TopicCoverage;
  /**
   * The same over all topics (or, `within`, the topics marked 1 there, with each term's IDF still over
   * all phrases), added to a tally (`add(topic, 0, coverage)`) instead of kept.
   */
  addBestCoverage(terms: readonly string[], tally: CoverageSink, within?: Uint8Array): void;
}

/** Word pairs ("root+password") in the postings are never read: a phrase's coverage counts its words. */
export function buildPhraseIndex(
  { topicOfRecord, postings: allPostings }: IndexedPhrases,
  topicCount: number,
  referencePhrases: number,
): PhraseIndex {
  const none: readonly number[] = [];
  const postingsOf = (term: string): readonly number[] | undefined =>
    term.includes('+') ? undefined : allPostings.get(term);
  const recordCount = topicOfRecord.length;
  // Records come topic by topic (createMatcher builds them so): each topic's phrases are one run of
  // record indexes, so the postings of a few topics are found by binary search, not by a full scan.
  const runStart = new Int32Array(topicCount + 1);
  const runEnd = new Int32Array(topicCount + 1);
  for (let index = 0; index < recordCount; index++) {
    const topicIndex = topicOfRecord[index] as number;
    const previous = index > 0 ? (topicOfRecord[index - 1] as number) : -1;
    if (topicIndex < previous) throw new Error('phrase records must come topic by topic, in topic order');
    if (topicIndex !== previous) runStart[topicIndex] = index;
    runEnd[topicIndex] = index + 1;
  }
  const idfIn = (phrases: number, df: number): number => Math.log(1 + (phrases - df + 0.5) / (df + 0.5));
  const idfOf = (df: number): number => idfIn(recordCount, df);
  const idf = (term: string): number => idfOf(postingsOf(term)?.length ?? 0);
  /** The IDF among some topics' phrases only (0 for a term none of them uses). */
  const idfAmong = (term: string, among: SortedTopics): number => {
    const list = postingsOf(term) ?? none;
    let df = 0;
    let from = 0;
    for (const topic of among) {
      if (runEnd[topic] === runStart[topic]) continue;
      from = lowerBound(list, runStart[topic] ?? 0, from);
      const to = lowerBound(list, runEnd[topic] ?? 0, from);
      df += to - from;
      from = to;
    }
    return df === 0 ? 0 : idfIn(referencePhrases, df);
  };
  // Scratch space reused by every question (matching is synchronous): each phrase's coverage so far,
  // and which phrases have any, so only those are read and reset.
  const covered = new Float64Array(recordCount);
  const touched = new Int32Array(recordCount);
  // The same per topic: its best phrase so far, and which topics have one.
  const best = new Float64Array(topicCount);
  const bestTopics = new Int32Array(topicCount);

  // Each term's postings within a part of the corpus (the topics that name AWS), found once per term: a
  // common word ("password") is in thousands of phrases of a large corpus, and most questions name AWS.
  // A part must not change once used (the matcher builds its one part once).
  const postingsWithin = new WeakMap<Uint8Array, Map<string, readonly number[]>>();
  const postingsOfWithin = (term: string, within: Uint8Array): readonly number[] => {
    let lists = postingsWithin.get(within);
    if (!lists) {
      lists = new Map();
      postingsWithin.set(within, lists);
    }
    let list = lists.get(term);
    if (!list) {
      list = (postingsOf(term) ?? none).filter((recordIndex) => within[topicOfRecord[recordIndex] as number] === 1);
      lists.set(term, list);
    }
    return list;
  };

  /** Computes each touched topic's best coverage into `best`, listing the topics in `bestTopics`: how many. */
  function computeBest(terms: readonly string[], among: SortedTopics | undefined, within?: Uint8Array): number {
    const weights = among ? terms.map((term) => idfAmong(term, among)) : terms.map(idf);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    if (total <= 0) return 0;
    // Plain index loops: this runs over every posting of the question's terms, for every question.
    let touchedCount = 0;
    terms.forEach((term, i) => {
      const share = (weights[i] ?? 0) / total;
      const list = within ? postingsOfWithin(term, within) : (postingsOf(term) ?? none);
      if (!among) {
        for (let k = 0; k < list.length; k++) {
          const recordIndex = list[k] ?? 0;
          if (covered[recordIndex] === 0) touched[touchedCount++] = recordIndex;
          covered[recordIndex] = (covered[recordIndex] ?? 0) + share;
        }
        return;
      }
      // Only the given topics' runs of the list.
      let from = 0;
      for (const topic of among) {
        const end = runEnd[topic] ?? 0;
        for (from = lowerBound(list, runStart[topic] ?? 0, from); from < list.length; from++) {
          const recordIndex = list[from] ?? 0;
          if (recordIndex >= end) break;
          if (covered[recordIndex] === 0) touched[touchedCount++] = recordIndex;
          covered[recordIndex] = (covered[recordIndex] ?? 0) + share;
        }
      }
    });
    let topicsCount = 0;
    for (let k = 0; k < touchedCount; k++) {
      const recordIndex = touched[k] ?? 0;
      const topicIndex = topicOfRecord[recordIndex] ?? 0;
      const coverage = covered[recordIndex] ?? 0;
      const before = best[topicIndex] ?? 0;
      if (before === 0) bestTopics[topicsCount++] = topicIndex;
      if (coverage > before) best[topicIndex] = coverage;
      covered[recordIndex] = 0;
    }
    return topicsCount;
  }

  return {
    bestCoverage(terms, among) {
      const result: TopicCoverage = { topics: [], coverage: [] };
      const count = computeBest(terms, among);
      for (let k = 0; k < count; k++) {
        const topicIndex = bestTopics[k] ?? 0;
        result.topics.push(topicIndex);
        result.coverage.push(best[topicIndex] ?? 0);
        best[topicIndex] = 0;
      }
      return result;
    },
    addBestCoverage(terms, tally, within) {
      const count = computeBest(terms, undefined, within);
      for (let k = 0; k < count; k++) {
        const topicIndex = bestTopics[k] ?? 0;
        tally.add(topicIndex, 0, best[topicIndex] ?? 0);
        best[topicIndex] = 0;
      }
    },
  };
}
