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
  /**
   * For loops that must not allocate (a question at 5,000 topics touches thousands): the topics added
   * to are `touched[0 .. count)`, in the order first added, their sums in `votes` and `coverage` by
   * topic index. Read them, then `clear()`.
   */
  readonly count: number;
  readonly touched: Int32Array;
  readonly votes: Float64Array;
  readonly coverage: Float64Array;
  clear(): void;
}

let votes = new Float64Array(0);
let coverage = new Float64Array(0);
let seen = new Uint8Array(0);
let touched = new Int32Array(0);
let touchedCount = 0;

const tally: TallyScratch = {
  add(topicIndex, addVotes, topicCoverage) {
    if (seen[topicIndex] === 0) {
      seen[topicIndex] = 1;
      touched[touchedCount++] = topicIndex;
    }
    votes[topicIndex] = (votes[topicIndex] ?? 0) + addVotes;
    if (topicCoverage > 0) coverage[topicIndex] = topicCoverage;
  },
  drain() {
    const out: TopicTally[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const index = touched[k] ?? 0;
      out.push({ index, votes: votes[index] ?? 0, coverage: coverage[index] ?? 0 });
    }
    tally.clear();
    return out.sort((a, b) => a.index - b.index);
  },
  get count() {
    return touchedCount;
  },
  get touched() {
    return touched;
  },
  get votes() {
    return votes;
  },
  get coverage() {
    return coverage;
  },
  clear() {
    for (let k = 0; k < touchedCount; k++) {
      const index = touched[k] ?? 0;
      votes[index] = 0;
      coverage[index] = 0;
      seen[index] = 0;
    }
    touchedCount = 0;
  },
};

/** The shared tally, sized for at least `topicCount` topics and empty. */
export function tallyScratch(topicCount: number): TallyScratch {
  if (seen.length < topicCount) {
    votes = new Float64Array(topicCount);
    coverage = new Float64Array(topicCount);
    seen = new Uint8Array(topicCount);
    touched = new Int32Array(topicCount);
    touchedCount = 0;
  }
  // Left over only if a tally was never read to the end; cleared so it cannot leak into this question.
  tally.clear();
  return tally;
}
