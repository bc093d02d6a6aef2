// One phrase of a topic (an example question, a keyword or the title), as the index stores it.
export interface PhraseRecord {
  topicIndex: number;
  /** Its words and adjacent word pairs ("root+password"). */
  terms: ReadonlySet<string>;
}

/** Adjacent pairs ("root password", "reset link") say more than their words apart. */
export const withPairs = (terms: readonly string[]): string[] => [
  ...terms,
  ...terms.slice(1).map((term, index) => `${terms[index]}+${term}`),
];
