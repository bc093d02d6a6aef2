// The topics in contention for a question in a large corpus: when the question names AWS, only the
// topics that name AWS contend (if it touches any). They are now tallied alone, without visiting the
// thousands of other topics a common word touches; the ranking must be the one tallying all of them gave.
import { nearestTopics } from '../../../src/matching/index/contenders';
import type { TallyScratch } from '../../../src/matching/index/tally-scratch';
import { splitVote, type TermVote } from '../../../src/matching/index/term-votes';

const WEIGHTS = { phraseWeight: 0.35, termWeightPower: 0.5 };
const TOPICS = 300;

/** A repeatable pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Question {
  votes: TermVote[];
  coverage: Map<number, number>;
  namingAws: Uint8Array;
}

function randomQuestion(random: () => number): Question {
  const namingAws = new Uint8Array(TOPICS);
  for (let topic = 0; topic < TOPICS; topic++) if (random() < 0.1) namingAws[topic] = 1;
  const votes: TermVote[] = [];
  for (let term = 0; term < 2 + Math.floor(random() * 6); term++) {
    const topics = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 120) }, () => Math.floor(random() * TOPICS))),
    ];
    topics.sort((a, b) => a - b);
    votes.push(
      splitVote(
        topics,
        topics.map(() => 0.05 + random()),
      ),
    );
  }
  const coverage = new Map<number, number>();
  for (let k = 0; k < 40; k++) coverage.set(Math.floor(random() * TOPICS), Math.round(random() * 4) / 4);
  return { votes, coverage, namingAws };
}

const addCoverage =
  (coverage: Map<number, number>) =>
  (tally: TallyScratch, within?: Uint8Array): void => {
    for (const [topic, share] of coverage)
      if (share > 0 && (!within || within[topic] === 1)) tally.add(topic, 0, share);
  };

/** What the contenders were before: every touched topic tallied, then only the AWS ones kept, if any was touched. */
function referenceNearest({ votes, coverage, namingAws }: Question, limit: number): number[] {
  const totalWeight = votes.reduce((sum, vote) => sum + vote.weight ** WEIGHTS.termWeightPower, 0);
  const votesOf = new Map<number, number>();
  for (const vote of votes) {
    for (let k = 0; k < vote.topics.length; k++) {
      const topic = vote.topics[k] as number;
      votesOf.set(
        topic,
        (votesOf.get(topic) ?? 0) + vote.weight ** WEIGHTS.termWeightPower * (vote.shares[k] as number),
      );
    }
  }
  const touched = new Set([
    ...votesOf.keys(),
    ...[...coverage].filter(([, share]) => share > 0).map(([topic]) => topic),
  ]);
  const onlyAws = [...touched].some((topic) => namingAws[topic] === 1);
  const rank = (topic: number) =>
    WEIGHTS.phraseWeight * (coverage.get(topic) ?? 0) +
    (1 - WEIGHTS.phraseWeight) * (totalWeight > 0 ? (votesOf.get(topic) ?? 0) / totalWeight : 0);
  return [...touched]
    .filter((topic) => !onlyAws || namingAws[topic] === 1)
    .sort((a, b) => rank(b) - rank(a) || a - b)
    .slice(0, limit);
}

describe('nearestTopics', () => {
  it('ranks the topics that name AWS as tallying every topic and keeping those did, over 200 random questions', () => {
    const random = sequence(7);
    for (let run = 0; run < 200; run++) {
      const question = randomQuestion(random);
      const limit = 5 + Math.floor(random() * 20);
      const found = nearestTopics(
        question.votes,
        addCoverage(question.coverage),
        WEIGHTS,
        TOPICS,
        question.namingAws,
        limit,
      );
      expect(found).toEqual(referenceNearest(question, limit));
    }
  });

  it('lets every topic contend when the question touches none that names AWS', () => {
    const namingAws = new Uint8Array(TOPICS);
    namingAws[299] = 1;
    const votes = [splitVote([3, 4], [1, 0.5])];
    const found = nearestTopics(votes, addCoverage(new Map()), WEIGHTS, TOPICS, namingAws, 5);
    expect(found).toEqual([3, 4]);
  });

  it('keeps only the AWS topics when one is touched, however weakly', () => {
    const namingAws = new Uint8Array(TOPICS);
    namingAws[4] = 1;
    const votes = [splitVote([3, 4, 5], [1, 0.01, 1])];
    const found = nearestTopics(votes, addCoverage(new Map([[5, 1]])), WEIGHTS, TOPICS, namingAws, 5);
    expect(found).toEqual([4]);
  });
});
