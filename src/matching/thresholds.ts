// The weights and thresholds that turn evidence into answer / clarify / fallback. Chosen from data
// with `npx tsx scripts/tune-thresholds.ts` (see docs/matching.md); re-check with `npm run eval`.
export interface Thresholds {
  /**
   * A term's weight is how concentrated its use is (1: one topic only; 0: all topics alike), raised to
   * this power: below 1 flattens the difference, so common words still carry some evidence.
   */
  termWeightPower: number;
  /** Share of a topic's score that comes from its best single phrase (the rest: the votes it won). */
  phraseWeight: number;
  /** How much each word from another product dilutes the question's evidence, without / with an AWS word beside it. */
  foreignWeight: number;
  foreignWeightAnchored: number;
  /** How much each word the corpus has never seen dilutes it. */
  unknownWeight: number;
  /** A topic needs at least this many votes to be considered at all. */
  minVotes: number;
  /** A question whose terms carry less evidence than this in all says too little to answer: the fallback. */
  minEvidence: number;
  /** The first topic needs at least this much evidence of its own, however long the question: else the fallback. */
  minTopicVotes: number;
  /** The fallback too when less than this share of the question is about signing in (the rest: other products, other tasks). */
  minSignal: number;
  /** Below this score nothing fits: the fallback... */
  minScore: number;
  /** ...unless the first topic scores at least this and leads the second by `clearLeadRatio` or more. */
  minClearScore: number;
  /** ...and has at least this much evidence of its own, and this share of the question about signing in. */
  minClearVotes: number;
  minClearSignal: number;
  clearLeadRatio: number;
  /**
   * ...or, in a post that names AWS and carries at least `minDominantEvidence`, scores at least
   * `minDominantScore` with the second at most `dominantLeadRatio` of it.
   */
  minDominantEvidence: number;
  minDominantScore: number;
  dominantLeadRatio: number;
  /**
   * Topics scoring at least this share of the first one's score are close enough to ask about, for a
   * question with no evidence; each unit of evidence weight raises the bar by `clarifyRatioPerWeight`,
   * because a detailed question that still leans one way should get its answer, a vague one a question.
   */
  clarifyRatio: number;
  clarifyRatioPerWeight: number;
  /** A term that only says who is asking (root, IAM, admin) weighs this much of a term that says what is wrong. */
  whoWeight: number;
  /** A topic's share of the question's who-words raises its score by up to this factor (0: they only count as evidence). */
  whoBoost: number;
  /** How much each word of another task (a CLI error, an app's own users) dilutes the evidence, AWS word or not. */
  otherTaskWeight: number;
  /**
   * How much more each developer's word no topic uses (lexicon `developer_words`) dilutes the evidence, on top
   * of `unknownWeight`: a hint of another task, never on its own a reason to fall back.
   */
  developerWordWeight: number;
  /** A question with this many words of another task is the fallback whatever it scores. */
  otherTaskTermsToReject: number;
  /** In a clarify group's question, a group topic scoring at least 1/this of the next is answered outright. */
  groupLeadRatio: number;
  /** A sentence answers on its own (a second problem, or what carries a thinned-out post) from this score. */
  sentenceMinScore: number;
  /** ...and carries at least this much evidence. */
  sentenceMinEvidence: number;
  /**
   * A post about AWS that falls back is answered with its first topic when at least this many of its
   * sentences rank that topic first too, more than rank any other first and at least half of them, and
   * at least `agreeMinSignal` of the post is about signing in.
   */
  agreeMinSentences: number;
  agreeMinSignal: number;
  /**
   * A post about AWS sign-in that falls short of an answer is asked about ("which of these?") when its
   * first topic scores at least `askMinScore`, with at least `askMinSignal` of it about signing in, and
   * another topic scores `askCloseRatio` of the first or more.
   */
  askMinScore: number;
  askMinSignal: number;
  askCloseRatio: number;
  /**
   * A question naming no kind of user, answered for one kind, is asked about when the same problem for
   * another kind (a topic of the same clarify group) scores at least this share of the first.
   */
  kindSiblingRatio: number;
  /**
   * A question naming a kind of user, answered with another kind's topic, gets that topic's sibling for the
   * named kind instead when it scores at least this share of the first (`answerSiblingForKind`).
   */
  namedKindRatio: number;
  /**
   * A post that names AWS and still falls back is offered its nearest topics as buttons on the fallback
   * card (not an answer, not "which of these?"): up to `maxSuggestions` scoring `suggestRatio` of the first
   * or more, when the first scores at least `suggestMinScore` with `suggestMinSignal` of the post about
   * signing in. Changes no decision, so the evaluations do not move with these.
   */
  suggestMinScore: number;
  suggestMinSignal: number;
  suggestRatio: number;
  maxSuggestions: number;
  /** How much a foreign word still thins a topic whose own phrases use it (0: not at all, 1: as any other). */
  ownForeignNoise: number;
  maxCandidates: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  termWeightPower: 0.5,
  phraseWeight: 0.35,
  foreignWeight: 8,
  foreignWeightAnchored: 3.5,
  unknownWeight: 0.1,
  minVotes: 0.05,
  minEvidence: 0.5,
  minTopicVotes: 0,
  minSignal: 0,
  minScore: 0.25,
  minClearScore: 0.2,
  minClearVotes: 0,
  minClearSignal: 0,
  clearLeadRatio: 0.6,
  minDominantEvidence: 3,
  minDominantScore: 0.12,
  dominantLeadRatio: 0.5,
  clarifyRatio: 0.4,
  clarifyRatioPerWeight: 0.1,
  whoWeight: 1,
  whoBoost: 0,
  otherTaskWeight: 4,
  developerWordWeight: 1,
  otherTaskTermsToReject: 2,
  groupLeadRatio: 0,
  sentenceMinScore: 0.5,
  sentenceMinEvidence: 2,
  agreeMinSentences: 2,
  agreeMinSignal: 0.6,
  ownForeignNoise: 0.5,
  askMinScore: 0.13,
  askMinSignal: 0.9,
  askCloseRatio: 0.75,
  kindSiblingRatio: 0.8,
  namedKindRatio: 0.5,
  suggestMinScore: 0.1,
  suggestMinSignal: 0.6,
  suggestRatio: 0.5,
  maxSuggestions: 3,
  maxCandidates: 4,
};
