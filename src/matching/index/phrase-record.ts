// One phrase of a topic (an example question, a keyword or the title), as the index stores it.
export interface PhraseRecord {
  topicIndex: number;
  /** Its words and adjacent word pairs ("root+password"), each once. */
  terms: readonly string[];
}

/** Adjacent word pairs' terms ("root+password"), by their two words. */
export interface PairTerms {
  /** The pair's term, built once however many phrases hold the pair. */
  of(first: string, second: string): string;
  /** The pair's term if some phrase holds the pair, without building a string: for questions. */
  find(first: string, second: string): string | undefined;
}

export function pairTerms(): PairTerms {
  const byFirst = new Map<string, Map<string, string>>();
  return {
    of(first, second) {
      let seconds = byFirst.get(first);
      if (!seconds) {
        seconds = new Map();
        byFirst.set(first, seconds);
      }
      let term = seconds.get(second);
      if (term === undefined) {
        term = `${first}+${second}`;
        seconds.set(second, term);
      }
      return term;
    },
    find: (first, second) => byFirst.get(first)?.get(second),
  };
}

/**
 * A phrase's words and adjacent pairs, each once: pairs ("root password", "reset link") say more than
 * their words apart. A plain array, not a set: the corpus has tens of thousands of phrases of a few
 * words each, and start-up time goes into allocating them (so each pair's string is made once, in `pairs`).
 */
export function withPairs(terms: readonly string[], pairs: PairTerms = pairTerms()): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    if (!out.includes(term)) out.push(term);
    if (i > 0) {
      const pair = pairs.of(terms[i - 1] as string, term);
      if (!out.includes(pair)) out.push(pair);
    }
  }
  return out;
}

/** Per term, the indexes of the phrase records using it, ascending (a record using it twice is listed twice). */
export type Postings = ReadonlyMap<string, readonly number[]>;

/** What the index reads of the phrase records: each record's topic, and each term's records. */
export interface IndexedPhrases {
  /** Record index -> topic index. Records come topic by topic, in topic order. */
  topicOfRecord: Int32Array;
  postings: Postings;
}

/**
 * Indexes phrases one at a time, keeping only their postings and topics, not their terms: at 2,000
 * topics, 18,800 phrases' term lists were kept alive only to be read once. `capacity`: at most this
 * many phrases will be added.
 */
export function indexPhrases(capacity: number): {
  /** A record of these terms, each as often as given (as `buildTermVotes` counts them). */
  add(topicIndex: number, terms: readonly string[]): void;
  /**
   * A record of these words and their adjacent pairs, each once: what `add(topicIndex, withPairs(words,
   * pairs))` records, without building the list.
   */
  addWords(topicIndex: number, words: readonly string[], pairs: PairTerms): void;
  done(): IndexedPhrases;
} {
  const postings = new Map<string, number[]>();
  const topicOfRecord = new Int32Array(capacity);
  let count = 0;
  const post = (term: string, index: number, once: boolean) => {
    const list = postings.get(term);
    if (!list) postings.set(term, [index]);
    // A term already in this record was its list's last entry.
    else if (!once || list[list.length - 1] !== index) list.push(index);
  };
  return {
    add(topicIndex, terms) {
      const index = count++;
      topicOfRecord[index] = topicIndex;
      for (const term of terms) post(term, index, false);
    },
    addWords(topicIndex, words, pairs) {
      const index = count++;
      topicOfRecord[index] = topicIndex;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        post(word, index, true);
        if (i > 0) post(pairs.of(words[i - 1] as string, word), index, true);
      }
    },
    done: () => ({ topicOfRecord: topicOfRecord.subarray(0, count), postings }),
  };
}

/** The same for records already built (tests, and anything that keeps its records). */
export function indexRecords(records: readonly PhraseRecord[]): IndexedPhrases {
  const phrases = indexPhrases(records.length);
  for (const record of records) phrases.add(record.topicIndex, record.terms);
  return phrases.done();
}
