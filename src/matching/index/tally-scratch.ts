// Per-topic sums for one question, in arrays reused by every question (matching is synchronous), so
// a question costs what its own terms touch: only the topics it adds to are read and reset.

export interface TopicTally {
  index: number;
  votes: number;
  coverage: number;
}

export interface TallyScratch {
  add(topicIndex: number, votes: number, coverage: number): void;
  /** The topics added to, in topic order, with their sums; the scratch is empty again afterwards. */
  drain(): TopicTally[];
}

let scratch: { votes: Float64Array; coverage: Float64Array; seen: Uint8Array; touched: Int32Array } | undefined;
let touchedCount = 0;

const tally: TallyScratch = {
  add(topicIndex, votes, coverage) {
    const s = scratch as NonNullable<typeof scratch>;
    if (s.seen[topicIndex] === 0) {
      s.seen[topicIndex] = 1;
      s.touched[touchedCount++] = topicIndex;
    }
    s.votes[topicIndex] = (s.votes[topicIndex] ?? 0) + votes;
    if (coverage > 0) s.coverage[topicIndex] = coverage;
  },
  drain() {
    const s = scratch as NonNullable<typeof scratch>;
    const indexes = s.touched.subarray(0, touchedCount).sort();
    const out: TopicTally[] = [];
    for (const index of indexes) {
      out.push({ index, votes: s.votes[index] ?? 0, coverage: s.coverage[index] ?? 0 });
      s.votes[index] = 0;
      s.coverage[index] = 0;
      s.seen[index] = 0;
    }
    touchedCount = 0;
    return out;
  },
};

/** The shared tally, sized for at least `topicCount` topics and empty. */
export function tallyScratch(topicCount: number): TallyScratch {
  if (!scratch || scratch.seen.length < topicCount) {
    scratch = {
      votes: new Float64Array(topicCount),
      coverage: new Float64Array(topicCount),
      seen: new Uint8Array(topicCount),
      touched: new Int32Array(topicCount),
    };
  }
  // Left over only if a tally was never drained; cleared so it cannot leak into this question.
  tally.drain();
  return tally;
}
