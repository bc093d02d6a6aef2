// Whether a text names AWS: one of the lexicon's anchors ("aws", "console", "root user"), as typed.
// Read from the text as typed, not the matcher's terms: "aws" is a stop word there, and synonyms fold
// "owner" onto "root" or "aws support" onto "support". One regular expression for all anchors: it
// runs over every phrase of the corpus at start.
import { words } from '../analyzer';

export function createAnchorFinder(anchors: readonly string[]): (text: string) => boolean {
  const alternatives = anchors
    .map(words)
    .filter((parts) => parts.length > 0)
    .map((parts) => parts.join('[^a-z0-9]+'));
  if (alternatives.length === 0) return () => false;
  // Whole words only, as the analyzer splits them: "aws" in "aws-cli" but not in "laws".
  const pattern = new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'i');
  return (text) => pattern.test(text);
}
