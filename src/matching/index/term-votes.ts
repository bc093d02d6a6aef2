// How each term's vote splits across topics, stored sparsely: only the topics whose phrases use the
// term are listed, so memory and build time grow with the corpus (its phrases' terms), not with
// terms x topics, and scoring a question touches only its own terms' topics.
import type { PhraseRecord } from './phrase-record';

export interface TermVote {
  /** How much the term says about the topic at all: 1 when only one topic uses it, 0 when all do evenly. */
  weight: number;
  /** The topics whose phrases use the term (ascending topic indexes)... */
  topics: ArrayLike<number>;
  /** ...and the share of the term's vote each of them gets. */
  shares: ArrayLike<number>;
  /** The share every topic not listed gets (smoothing). */
  otherShare: number;
}

const SMOOTHING = 0.1;

/**
 * For every term, how its vote splits across topics: in proportion to how many of each topic's phrases
 * use it (smoothed), weighted by how concentrated that split is (one minus its normalised entropy).
 * "aws" is everywhere and weighs almost nothing; "captcha" lives in one topic and weighs fully.
 */
export function buildTermVotes(records: readonly PhraseRecord[], topicCount: number): Map<string, TermVote> {
  // Per term, the topics using it and how many of each one's phrases do. Records come topic by topic,
  // so each list grows in ascending topic order and a repeat is always its last entry.
  const counts = new Map<string, { topics: number[]; counts: number[] }>();
  const phrasesPerTopic = new Array<number>(topicCount).fill(0);
  for (const record of records) {
    phrasesPerTopic[record.topicIndex] = (phrasesPerTopic[record.topicIndex] ?? 0) + 1;
    for (const term of record.terms) {
      let entry = counts.get(term);
      if (!entry) {
        entry = { topics: [], counts: [] };
        counts.set(term, entry);
      }
      const last = entry.topics.length - 1;
      if (entry.topics[last] === record.topicIndex) entry.counts[last] = (entry.counts[last] ?? 0) + 1;
      else {
        entry.topics.push(record.topicIndex);
        entry.counts.push(1);
      }
    }
  }
  // Counts become rates (per phrase of the topic), so a topic with more example phrases does not
  // collect more of every shared word's vote just for being bigger.
  const meanPhrases = records.length / Math.max(1, topicCount);
  const maxEntropy = Math.log(topicCount);
  const votes = new Map<string, TermVote>();
  for (const [term, entry] of counts) {
    const rates = entry.topics.map(
      (topicIndex, i) => ((entry.counts[i] ?? 0) * meanPhrases) / Math.max(1, phrasesPerTopic[topicIndex] ?? 0),
    );
    const total = rates.reduce((sum, rate) => sum + rate, 0) + topicCount * SMOOTHING;
    const shares = Float64Array.from(rates, (rate) => (rate + SMOOTHING) / total);
    const otherShare = SMOOTHING / total;
    const others = topicCount - shares.length;
    let entropy = others > 0 ? -others * otherShare * Math.log(otherShare) : 0;
    for (const p of shares) entropy -= p * Math.log(p);
    votes.set(term, {
      weight: maxEntropy > 0 ? 1 - entropy / maxEntropy : 1,
      topics: Int32Array.from(entry.topics),
      shares,
      otherShare,
    });
  }
  return votes;
}
