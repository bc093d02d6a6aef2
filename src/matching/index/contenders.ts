// The topics in contention for a question, and its term votes split among them alone. However large
// the corpus, a question is judged as the thresholds were tuned: against at most as many topics as the
// reference corpus has (the ones nearest the question), so a thousand VPN topics that share "password"
// with it do not thin out the AWS topics' votes, nor make "password" say nothing among them.
import type { TopicCoverage } from './phrase-index';
import { tallyScratch } from './tally-scratch';
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
  coverage: TopicCoverage,
  weights: ContenderWeights,
  topicCount: number,
  /** When the question names AWS: which topics do too (1); only they contend, if any is touched. */
  namingAws: Uint8Array | null,
  limit = REFERENCE_TOPICS,
): TopicCoverage {
  if (topicCount <= limit) return coverage;
  const onlyAws = namingAws !== null && coverage.topics.some((topic) => namingAws[topic] === 1);
  const tally = tallyScratch(topicCount);
  let totalWeight = 0;
  for (const vote of votes) {
    const weight = vote.weight ** weights.termWeightPower;
    totalWeight += weight;
    for (let k = 0; k < vote.topics.length; k++) tally.add(vote.topics[k] ?? 0, weight * (vote.shares[k] ?? 0), 0);
  }
  coverage.topics.forEach((topic, i) => {
    tally.add(topic, 0, coverage.coverage[i] ?? 0);
  });
  // A short list kept best first: one pass over the touched topics, most of which never enter it.
  // Topics come in topic order, so of two that tie the earlier stays.
  const best: { topic: number; rank: number; coverage: number }[] = [];
  for (const entry of tally.drain()) {
    if (onlyAws && namingAws?.[entry.index] !== 1) continue;
    const rank =
      weights.phraseWeight * entry.coverage +
      (1 - weights.phraseWeight) * (totalWeight > 0 ? entry.votes / totalWeight : 0);
    if (best.length === limit && rank <= (best[limit - 1]?.rank ?? 0)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.rank ?? 0) < rank) at--;
    best.splice(at, 0, { topic: entry.index, rank, coverage: entry.coverage });
    if (best.length > limit) best.pop();
  }
  return { topics: best.map((entry) => entry.topic), coverage: best.map((entry) => entry.coverage) };
}

/**
 * The question's term votes split among the contenders only: a term used by topics outside them is
 * re-split (and re-weighed) as if the contenders were the whole corpus; a term none of them uses
 * points away from every contender and is left out, as a word no topic uses would be.
 */
export function votesAmong(votes: readonly TermVote[], contenders: TopicCoverage, topicCount: number): TermVote[] {
  const isContender = contenderFlags(topicCount);
  for (const topic of contenders.topics) isContender[topic] = 1;
  const out: TermVote[] = [];
  for (const vote of votes) {
    let inside = 0;
    for (let k = 0; k < vote.topics.length; k++) if (isContender[vote.topics[k] ?? 0] === 1) inside++;
    // Every topic using the term is a contender (always so in a corpus of the reference size): as built.
    if (inside === vote.topics.length) out.push(vote);
    else if (inside > 0) {
      const topics: number[] = [];
      const rates: number[] = [];
      for (let k = 0; k < vote.topics.length; k++) {
        const topic = vote.topics[k] ?? 0;
        if (isContender[topic] === 1) {
          topics.push(topic);
          rates.push(vote.rates[k] ?? 0);
        }
      }
      out.push(splitVote(topics, rates));
    }
  }
  for (const topic of contenders.topics) isContender[topic] = 0;
  return out;
}

let flags = new Uint8Array(0);
/** Per-topic flags reused by every question (matching is synchronous), all zero between questions. */
function contenderFlags(topicCount: number): Uint8Array {
  if (flags.length < topicCount) flags = new Uint8Array(topicCount);
  return flags;
}
