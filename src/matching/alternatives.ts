// "Not sure if it's my password or the portal link", "Either someone is using it or it's a billing
// mistake", "Is this fraud or an Amazon order?": the person names two possibilities and says they cannot
// tell which. When each possibility is a different problem, the bot asks which rather than pick one.

/** Words that say the person cannot choose: "either", "not sure if/whether", "can't tell whether". */
const OPENS_CHOICE =
  /\b(?:either|not\s+sure\s+(?:if|whether)|unsure\s+(?:if|whether)|(?:can['’]?t|cannot|don['’]?t|do\s+not)\s+(?:tell|know)\s+(?:if|whether)|no\s+idea\s+(?:if|whether)|wondering\s+(?:if|whether))\s+/i;
/**
 * "Is this fraud or an Amazon order?": a question between two short names. Only short ones: "is it possible
 * to reset the root password or do I need support" asks how, not which problem.
 */
const ASKS_WHICH = /\b(?:is|was)\s+(?:this|it|that)\s+/i;
const MAX_NAME_WORDS = 4;
/** Where the second possibility ends: a comma, or the end of the sentence. */
const END_OF_CHOICE = /[,:(]/;

/**
 * The two possibilities a sentence says it cannot choose between, as typed, or null when it names none.
 * A sentence that starts with "or" after another ("Could this be our proxy? Or am I on the wrong login
 * page?") offers its previous sentence as the first possibility: `previous`.
 */
export function splitAlternatives(sentence: string, previous?: string): [string, string] | null {
  const leadingOr = /^\s*or\s+/i.exec(sentence);
  if (leadingOr && previous !== undefined) {
    return pair(previous, sentence.slice(leadingOr[0].length).split(END_OF_CHOICE)[0] as string);
  }
  const hedge = OPENS_CHOICE.exec(sentence);
  const opener = hedge ?? ASKS_WHICH.exec(sentence);
  if (!opener) return null;
  const after = sentence.slice(opener.index + opener[0].length);
  const or = /\s+or\s+/i.exec(after);
  if (!or) return null;
  const first = after.slice(0, or.index);
  if (!hedge && first.trim().split(/\s+/).length > MAX_NAME_WORDS) return null;
  const second = (after.slice(or.index + or[0].length).split(END_OF_CHOICE)[0] as string).trim();
  return pair(first, second);
}

function pair(first: string, second: string): [string, string] | null {
  const a = first.trim();
  const b = second.trim();
  return /[\p{L}\p{N}]/u.test(a) && /[\p{L}\p{N}]/u.test(b) ? [a, b] : null;
}
