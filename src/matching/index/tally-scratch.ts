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
  /** The same, one topic at a time and in no particular order, without building the list. */
  drainEach(visit: (index: number, votes: number, coverage: number) => void): void;
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
    const out: TopicTally[] = [];
    tally.drainEach((index, votes, coverage) => {
      out.push({ index, votes, coverage });
    });
    return out.sort((a, b) => a.index - b.index);
  },
  drainEach(visit) {
    const s = scratch as NonNullable<typeof scratch>;
    const count = touchedCount;
    touchedCount = 0;
    for (let k = 0; k < count; k++) {
      const index = s.touched[k] ?? 0;
      const votes = s.votes[index] ?? 0;
      const coverage = s.coverage[index] ?? 0;
      s.votes[index] = 0;
      s.coverage[index] = 0;
      s.seen[index] = 0;
      visit(index, votes, coverage);
    }
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
