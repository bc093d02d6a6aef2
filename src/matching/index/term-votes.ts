// How each term's vote splits across topics, stored sparsely: only the topics whose phrases use the
// term are listed, so memory and build time grow with the corpus (its phrases' terms), not with
// terms x topics, and scoring a question touches only its own terms' topics.
import { type IndexedPhrases, indexRecords, type PhraseRecord } from './phrase-record';

export interface TermVote {
  /** How much the term says about the topic at all: 1 when only one topic uses it, 0 when all do evenly. */
  weight: number;
  /** The topics whose phrases use the term (ascending topic indexes)... */
  topics: ArrayLike<number>;
  /** ...and the share of the term's vote each of them gets... */
  shares: ArrayLike<number>;
  /** ...from the share of the topic's phrases that use the term. */
  rates: ArrayLike<number>;
  /**
   * The smoothing share: what a topic that does not use the term gets of its vote, when the question's
   * other terms point at that topic. Topics none of the question's terms use get nothing at all.
   */
  otherShare: number;
}

/**
 * Scores must mean the same whatever the corpus size, so a term's split is judged against a fixed
 * reference corpus, not against however many topics there are: the shipped corpus the thresholds were
 * tuned on (22 topics, 980 phrases). Topics that never use a term do not dilute its weight, so adding a
 * thousand VPN topics changes nothing for "captcha", and the scores of the shipped corpus stay as tuned.
 */
export const REFERENCE_TOPICS = 22;
export const REFERENCE_PHRASES = 980;
const REFERENCE_PHRASES_PER_TOPIC = REFERENCE_PHRASES / REFERENCE_TOPICS;
/** Smoothing: every reference topic counts as if a tenth of one of its phrases used the term. */
const SMOOTHING = 0.1 / REFERENCE_PHRASES_PER_TOPIC;

/** A term's vote split across the topics using it, at these rates, judged against the reference corpus. */
export function splitVote(topics: readonly number[], rateList: readonly number[]): TermVote {
  const slots = Math.max(REFERENCE_TOPICS, topics.length);
  const total = rateList.reduce((sum, rate) => sum + rate, 0) + slots * SMOOTHING;
  const shares = rateList.map((rate) => (rate + SMOOTHING) / total);
  // The smoothing of the reference topics that do not use the term counts in its entropy.
  const otherShare = SMOOTHING / total;
  const others = slots - shares.length;
  let entropy = others > 0 ? -others * otherShare * Math.log(otherShare) : 0;
  for (const p of shares) entropy -= p * Math.log(p);
  return {
    weight: Math.max(0, 1 - entropy / Math.log(slots)),
    topics,
    shares,
    rates: rateList,
    otherShare,
  };
}

/** The term votes, each worked out the first time it is asked for. */
export interface TermVotes {
  has(term: string): boolean;
  get(term: string): TermVote | undefined;
}

/**
 * For every term, how its vote splits across the topics that use it: in proportion to the share of each
 * topic's phrases that use it (smoothed), weighted by how concentrated that split is (one minus its
 * entropy, normalised over the reference corpus's topics, or over the topics using the term when more
 * do). "captcha" lives in one topic and weighs fully; "aws" is in every topic and weighs almost nothing.
 * A question only ever reads its own terms' votes, so each is worked out when first asked for (from the
 * term's postings), not for all of the corpus's tens of thousands of terms at start.
 */
export function termVoteTable({ topicOfRecord, postings }: IndexedPhrases, topicCount: number): TermVotes {
  const phrasesPerTopic = new Array<number>(topicCount).fill(0);
  for (let k = 0; k < topicOfRecord.length; k++) {
    const topicIndex = topicOfRecord[k] as number;
    phrasesPerTopic[topicIndex] = (phrasesPerTopic[topicIndex] ?? 0) + 1;
  }
  const votes = new Map<string, TermVote>();

  function voteOf(list: readonly number[]): TermVote {
    // The topics using the term and how many of each one's phrases do. Records come topic by topic, so
    // the postings are in ascending topic order and a repeat is always the last entry.
    const topics: number[] = [];
    const counts: number[] = [];
    for (const recordIndex of list) {
      const topicIndex = topicOfRecord[recordIndex] as number;
      const last = topics.length - 1;
      if (topics[last] === topicIndex) counts[last] = (counts[last] ?? 0) + 1;
      else {
        topics.push(topicIndex);
        counts.push(1);
      }
    }
    // Rates (the share of the topic's phrases that use the term), so a topic with more example
    // phrases does not collect more of every shared word's vote just for being bigger.
    const rates = topics.map((topicIndex, i) => (counts[i] ?? 0) / Math.max(1, phrasesPerTopic[topicIndex] ?? 0));
    return splitVote(topics, rates);
  }

  return {
    has: (term) => postings.has(term),
    get(term) {
      let vote = votes.get(term);
      if (vote === undefined) {
        const list = postings.get(term);
        if (list === undefined) return undefined;
        vote = voteOf(list);
        votes.set(term, vote);
      }
      return vote;
    },
  };
}

/** Every term's vote at once (termVoteTable works each out when first asked for). */
export function buildTermVotes(records: readonly PhraseRecord[], topicCount: number): Map<string, TermVote> {
  const indexed = indexRecords(records);
  const table = termVoteTable(indexed, topicCount);
  return new Map([...indexed.postings.keys()].map((term) => [term, table.get(term) as TermVote]));
}
