// One phrase of a topic (an example question, a keyword or the title), as the index stores it.
export interface PhraseRecord {
  topicIndex: number;
  /** Its words and adjacent word pairs ("root+password"), each once. */
  terms: readonly string[];
}

/**
 * A phrase's words and adjacent pairs, each once: pairs ("root password", "reset link") say more than
 * their words apart. A plain array, not a set: the corpus has tens of thousands of phrases of a few
 * words each, and start-up time goes into allocating them.
 */
export function withPairs(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    if (!out.includes(term)) out.push(term);
    if (i > 0) {
      const pair = `${terms[i - 1]}+${term}`;
      if (!out.includes(pair)) out.push(pair);
    }
  }
  return out;
}
