// Whether a text names AWS: one of the lexicon's anchors ("aws", "console", "root user"), as typed.
// Read from the words as typed, not the matcher's terms: "aws" is a stop word there, and synonyms
// fold "owner" onto "root" or "aws support" onto "support".
import { words } from '../analyzer';

export function createAnchorFinder(anchors: readonly string[]): (text: string) => boolean {
  const sequences = anchors.map(words).filter((sequence) => sequence.length > 0);
  const firstWords = new Set(sequences.map((sequence) => sequence[0] as string));
  return (text) => {
    const typed = words(text);
    return typed.some(
      (word, i) =>
        firstWords.has(word) && sequences.some((sequence) => sequence.every((part, k) => typed[i + k] === part)),
    );
  };
}
