// "Not sure if it's my password or the portal link", "Either someone is using it or it's a billing
// mistake", "Is this fraud or an Amazon order?": the person names two possibilities and says they cannot
// tell which. When each possibility is a different problem, the bot asks which rather than pick one.
// Only possibilities of what is wrong: not what to do or whom to ask ("not sure if I should contact
// support or my admin"), nor remarks about the post ("not sure if this is the right channel or not").

/** Words that say the person cannot tell: "either", "not sure if/whether", "can't tell whether". */
const OPENS_CHOICE =
  /\b(?:either|not\s+sure\s+(?:if|whether)|unsure\s+(?:if|whether)|(?:can['’]?t|cannot|don['’]?t|do\s+not)\s+(?:tell|know)\s+(?:if|whether)|no\s+idea\s+(?:if|whether))\s+/i;
/** "I don't have either the password or the mfa": both, not one of two. */
const NEGATED_EITHER = /(?:\b(?:no|not|nor|never)|n['’]?t)\s+(?:\w+\s+){0,2}either\s+$/i;
/**
 * "Is this fraud or an Amazon order?": a question between two short names. Only short ones, and not "is it
 * possible/ok/safe to …": "is it possible to reset the root password or do I need support" asks how.
 */
const ASKS_WHICH =
  /\b(?:is|was)\s+(?:this|it|that)\s+(?!(?:possible|ok|okay|safe|normal|fine|true|worth|better|best|faster|easier|quicker)\b)/i;
const MAX_NAME_WORDS = 4;
/** "… Or am I on the wrong login page?": a sentence that offers another reading of the one before. */
const OFFERS_ANOTHER_READING =
  /^\s*or\s+(?=(?:am\s+i|is\s+(?:it|this|that)|was\s+(?:it|this|that)|maybe|could\s+(?:it|this|that)\s+be)\b)/i;
/** Where the second possibility ends: a comma, a colon, a bracket, "but", or the end of the sentence. */
const END_OF_CHOICE = /[,:(]|\s+but\s+/i;
/**
 * A possibility that is something to do or someone to ask ("I should contact support", "wait for the
 * email", "open a case"), or a remark about the post ("this is the right channel", "belongs here", "not").
 */
const NOT_A_PROBLEM =
  /^(?:(?:i|we)\s+(?:should|need\s+to|have\s+to|must|can|could)\b|(?:should|shall|can|could|do|does|must)\s+(?:i|we)\b|to\s|wait\b|contact\b|ask\b|email\b|call\b|open\b|go\s+to\b|(?:this|it)\s+(?:is|belongs)\s+(?:the\s+right|here)\b|(?:this\s+|it\s+)?belongs\b|here\b|not$|someone\s+(?:could|can)\b)/i;

/** "…or support is faster": a choice of ways to do something, not of what is wrong. */
const COMPARES_WAYS = /\b(?:faster|quicker|better|easier|best|safer|cheaper)\b/i;
/**
 * "the root email is my gmail or my work email", "the mfa is on my old phone or the new one": two values of
 * one thing (the first possibility's subject, not "it" or "this"), the second a bare noun phrase. One problem.
 */
const SUBJECT_IS = /^(?!(?:it|this|that|its|it['’]s)\b).+?\s+(?:is|was|['’]s)\s/i;
const BARE_NOUN_PHRASE =
  /^(?:my|the|a|an|our|his|her|their|your|some)\s+(?!.*\b(?:is|was|are|were|has|have|had|does|did|got|gets|can|cannot|won['’]?t|doesn['’]?t|isn['’]?t)\b)/i;

/**
 * The two possibilities a sentence says it cannot choose between, as typed, or null when it names none.
 * A sentence that starts with "or am I…" / "or is it…" after another ("Could this be our proxy? Or am I on
 * the wrong login page?") offers its previous sentence as the first possibility: `previous`.
 */
export function splitAlternatives(sentence: string, previous?: string): [string, string] | null {
  const anotherReading = OFFERS_ANOTHER_READING.exec(sentence);
  if (anotherReading && previous !== undefined) {
    return pair(previous, sentence.slice(anotherReading[0].length).split(END_OF_CHOICE)[0] as string);
  }
  const hedge = OPENS_CHOICE.exec(sentence);
  if (hedge && NEGATED_EITHER.test(sentence.slice(0, hedge.index + hedge[0].length))) return null;
  const opener = hedge ?? ASKS_WHICH.exec(sentence);
  if (!opener) return null;
  const after = sentence.slice(opener.index + opener[0].length);
  const or = /\s+or\s+/i.exec(after);
  if (!or) return null;
  const first = after.slice(0, or.index);
  if (!hedge && first.trim().split(/\s+/).length > MAX_NAME_WORDS) return null;
  if (COMPARES_WAYS.test(after)) return null;
  const second = (after.slice(or.index + or[0].length).split(END_OF_CHOICE)[0] as string).trim();
  if (SUBJECT_IS.test(first.trim()) && BARE_NOUN_PHRASE.test(second)) return null;
  return pair(first, second);
}

function pair(first: string, second: string): [string, string] | null {
  const a = first.trim();
  const b = second.trim();
  if (!/[\p{L}\p{N}]/u.test(a) || !/[\p{L}\p{N}]/u.test(b)) return null;
  return NOT_A_PROBLEM.test(a) || NOT_A_PROBLEM.test(b) ? null : [a, b];
}
