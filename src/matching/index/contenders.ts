// The topics in contention for a question, and its term votes split among them alone. However large
// the corpus, a question is judged as the thresholds were tuned: against at most as many topics as the
// reference corpus has (the ones nearest the question), so a thousand VPN topics that share "password"
// with it do not thin out the AWS topics' votes, nor make "password" say nothing among them.
import { lowerBound, type SortedTopics } from './phrase-index';
import { type TallyScratch, tallyScratch } from './tally-scratch';
import { REFERENCE_TOPICS, splitVote, type TermVote } from './term-votes';

/** How the contenders are ranked: the scoring's own blend of best-phrase coverage and votes. */
export interface ContenderWeights {
  phraseWeight: number;
  termWeightPower: number;
}

/**
 * The topics nearest the question: at most `limit` (the reference corpus's size), ranked as scoring
 * ranks them but with every term's vote split across all the topics using it. In a corpus that size or
 * smaller every topic contends, so its questions are scored exactly as before. A question that names AWS
 * ("aws", "console", "iam": the lexicon's anchors) is about an AWS topic, so in a larger corpus only
 * topics whose phrases name AWS contend with it, when it touches any: an organisation's own VPN or
 * payroll topics then do not crowd the AWS ones out of contention.
 */
export function nearestTopics(
  votes: readonly TermVote[],
  /** Adds each topic's best-phrase coverage to the tally (`within`: only the topics marked 1 there). */
  addCoverage: (tally: TallyScratch, within?: Uint8Array) => void,
  weights: ContenderWeights,
  topicCount: number,
  /** When the question names AWS: which topics do too (1); only they contend, if any is touched. */
  namingAws: Uint8Array | null,
  limit = REFERENCE_TOPICS,
): number[] {
  // Only the topics that name AWS are tallied first: the same ranking as tallying all and keeping those,
  // without visiting the thousands of other topics a common word ("password") touches in a large corpus.
  if (namingAws) {
    const within = votes.map((vote) => voteWithin(vote, namingAws));
    const nearest = rankNearest(within, (tally) => addCoverage(tally, namingAws), weights, topicCount, limit);
    if (nearest.length > 0) return nearest;
  }
  return rankNearest(votes, addCoverage, weights, topicCount, limit);
}

/** The `limit` topics the votes and coverage rank first, best first; of two that tie, the earlier topic. */
function rankNearest(
  votes: readonly TermVote[],
  addCoverage: (tally: TallyScratch) => void,
  weights: ContenderWeights,
  topicCount: number,
  limit: number,
): number[] {
  const tally = tallyScratch(topicCount);
  let totalWeight = 0;
  for (const vote of votes) {
    const weight = vote.weight ** weights.termWeightPower;
    totalWeight += weight;
    for (let k = 0; k < vote.topics.length; k++) tally.add(vote.topics[k] ?? 0, weight * (vote.shares[k] ?? 0), 0);
  }
  addCoverage(tally);
  const { count, touched, votes: votesOf, coverage: coverageOf } = tally;
  // A short list kept best first: one pass over the touched topics, most of which never enter it.
  const bestTopics: number[] = [];
  const bestRanks: number[] = [];
  for (let k = 0; k < count; k++) {
    const index = touched[k] ?? 0;
    const rank =
      weights.phraseWeight * (coverageOf[index] ?? 0) +
      (1 - weights.phraseWeight) * (totalWeight > 0 ? (votesOf[index] ?? 0) / totalWeight : 0);
    let at = bestTopics.length;
    // Move up past every entry this one outranks.
    while (at > 0) {
      const above = bestRanks[at - 1] ?? 0;
      if (above > rank || (above === rank && (bestTopics[at - 1] ?? 0) < index)) break;
      at--;
    }
    if (at >= limit) continue;
    bestTopics.splice(at, 0, index);
    bestRanks.splice(at, 0, rank);
    if (bestTopics.length > limit) {
      bestTopics.pop();
      bestRanks.pop();
    }
  }
  tally.clear();
  return bestTopics;
}

// A term's vote among the marked topics only, found once per term and part (its weight stays the whole
// corpus's: the part is where to look, not how much the word says). A part must not change once used: the
// matcher builds its one part (the topics that name AWS) once.
const votesWithinPart = new WeakMap<Uint8Array, WeakMap<TermVote, TermVote>>();
function voteWithin(vote: TermVote, part: Uint8Array): TermVote {
  let votes = votesWithinPart.get(part);
  if (!votes) {
    votes = new WeakMap();
    votesWithinPart.set(part, votes);
  }
  let within = votes.get(vote);
  if (!within) {
    const topics: number[] = [];
    const shares: number[] = [];
    const rates: number[] = [];
    for (let k = 0; k < vote.topics.length; k++) {
      const topic = vote.topics[k] ?? 0;
      if (part[topic] !== 1) continue;
      topics.push(topic);
      shares.push(vote.shares[k] ?? 0);
      rates.push(vote.rates[k] ?? 0);
    }
    within = { ...vote, topics, shares, rates };
    votes.set(vote, within);
  }
  return within;
}

/**
 * The question's term votes split among the contenders only, in the same order: a term used by topics
 * outside them is re-split (and re-weighed) as if the contenders were the whole corpus; a term none of
 * them uses points away from every contender and weighs nothing, as a word no topic uses would.
 */
export function votesAmong(votes: readonly TermVote[], contenders: SortedTopics): TermVote[] {
  const out: TermVote[] = [];
  for (const vote of votes) {
    // The vote's topics are ascending, as are the contenders: one binary search each.
    let inside = 0;
    let from = 0;
    for (const topic of contenders) {
      from = lowerBound(vote.topics, topic, from);
      if (from < vote.topics.length && vote.topics[from] === topic) inside++;
    }
    // Every topic using the term is a contender (always so in a corpus of the reference size): as built.
    if (inside === vote.topics.length) out.push(vote);
    else if (inside === 0) out.push(NO_VOTE);
    else {
      const topics: number[] = [];
      const rates: number[] = [];
      from = 0;
      for (const topic of contenders) {
        from = lowerBound(vote.topics, topic, from);
        if (from < vote.topics.length && vote.topics[from] === topic) {
          topics.push(topic);
          rates.push(vote.rates[from] ?? 0);
        }
      }
      out.push(splitVote(topics, rates));
    }
  }
  return out;
}

/** A term none of the contenders uses: it keeps its place, so lists that run beside the votes stay aligned. */
const NO_VOTE: TermVote = { weight: 0, topics: [], shares: [], rates: [], otherShare: 0 };
