// "Was it suspended or closed?", "Either someone is using it or it's a billing mistake", "Is this fraud or
// an Amazon order?": the person names two possibilities and says they cannot tell which. When each
// possibility is a different problem, the bot asks which rather than pick one.
// Only possibilities of what is wrong: not what to do or whom to ask ("not sure if I should contact
// support or my admin"), nor remarks about the post ("not sure if this is the right channel or not").

/** Words that say the person cannot tell: "either", "not sure if/whether", "can't tell whether", "idk if". */
const OPENS_CHOICE =
  /\b(?:either|not\s+sure\s+(?:if|whether)|unsure\s+(?:if|whether)|(?:can['’]?t|cannot|don['’]?t|do\s+not)\s+(?:tell|know)\s+(?:if|whether)|no\s+idea\s+(?:if|whether)|(?:dunno|idk)\s+(?:if|whether))\s+/gi;
/**
 * "I don't have (access anymore to) either the password or the mfa": both, not one of two. A negation is a
 * word of its own ("account either" is none).
 */
const NEGATED_EITHER =
  /\b(?:no|not|nor|never|cannot|\w+n['’]t|dont|doesnt|didnt|cant|wont|isnt|wasnt|havent|hasnt)\s+(?:\w+\s+){0,4}either\s+$/i;
/** "Is it possible/ok/safe to …" asks how, not which: "is it possible to reset it or do I need support". */
const NOT_WHICH = String.raw`(?!(?:possible|ok|okay|safe|normal|fine|true|worth|better|best|faster|easier|quicker)\b)`;
/** "Is this fraud or an Amazon order?", "could it be …": a question between two things it may be. */
const ASKS_WHICH = new RegExp(
  String.raw`\b(?:(?:is|was)\s+(?:this|it|that)|could\s+(?:it|this|that)\s+be)\s+${NOT_WHICH}`,
  'gi',
);
/** "… Or am I on the wrong login page?", "… Or is it …": a sentence that offers another reading of the one before. */
const OFFERS_ANOTHER_READING = new RegExp(
  String.raw`^\s*or\s+(?=(?:am\s+i|(?:is|was)\s+(?:it|this|that)\s+${NOT_WHICH}|maybe|could\s+(?:it|this|that)\s+be)\b)`,
  'i',
);
/** Where the second possibility ends: a comma, a colon, a bracket, "but", or the end of the sentence. */
const END_OF_CHOICE = /[,:(]|\s+but\s+/i;
/**
 * A possibility that is something to do or someone to ask ("I should contact support", "wait for the
 * email", "open a case"), or a remark about the post ("this is the right channel", "belongs here", "not").
 */
const NOT_A_PROBLEM =
  /^(?:(?:(?:i|we)\s+)?(?:should|need\s+to|have\s+to|must|wait|contact|ask|email|call|reach\s+out|open\s+a)\b|(?:i|we)\s+(?:can|could)\b|(?:should|can|could|do|does|must)\s+(?:i|we)\b|to\s|(?:this|it)\s+(?:is\s+the\s+right|belongs)\b|belongs\b|here\b|not$)/i;
/** "…or if it was closed", "…or whether it was hacked": the second possibility without its "if". */
const LEADING_IF = /^(?:if|whether)\s+/i;

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
  // Every opener, in the order typed: "not sure if this is the right place but is it fraud or an amazon
  // order" names no possibility after its first, and two after its second.
  const openers = [
    ...[...sentence.matchAll(OPENS_CHOICE)].map((match) => ({ match, hedge: true })),
    ...[...sentence.matchAll(ASKS_WHICH)].map((match) => ({ match, hedge: false })),
  ].sort((a, b) => (a.match.index ?? 0) - (b.match.index ?? 0));
  for (const { match, hedge } of openers) {
    const found = choiceAfter(sentence, (match.index ?? 0) + match[0].length, hedge);
    if (found) return found;
  }
  return null;
}

/** The two possibilities after an opener that ends at `start`, or null. */
function choiceAfter(sentence: string, start: number, hedge: boolean): [string, string] | null {
  if (hedge && NEGATED_EITHER.test(sentence.slice(0, start))) return null;
  const after = sentence.slice(start);
  const or = /\s+or\s+/i.exec(after);
  if (!or || COMPARES_WAYS.test(after)) return null;
  const first = after.slice(0, or.index);
  const second = (after.slice(or.index + or[0].length).split(END_OF_CHOICE)[0] as string).trim();
  if (SUBJECT_IS.test(first.trim()) && BARE_NOUN_PHRASE.test(second)) return null;
  return pair(first, second);
}

function pair(first: string, second: string): [string, string] | null {
  const a = first.trim();
  const b = second.trim().replace(LEADING_IF, '');
  if (!/[\p{L}\p{N}]/u.test(a) || !/[\p{L}\p{N}]/u.test(b)) return null;
  return NOT_A_PROBLEM.test(a) || NOT_A_PROBLEM.test(b) ? null : [a, b];
}
