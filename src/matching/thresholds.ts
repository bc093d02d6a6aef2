// The numbers that turn scores into answer / clarify / fallback. Chosen from data: see docs/matching.md
// for how, and re-check with `npm run eval` after changing any of them.
export interface Thresholds {
  /** Share of a topic's score that comes from its single best phrase (the rest: whole-topic coverage). */
  phraseWeight: number;
  /** How much one word the corpus has never seen dilutes the evidence (in IDF units). */
  unknownTermWeight: number;
  /** How much one word from another product dilutes it, without and with an AWS word beside it. */
  foreignTermWeight: number;
  foreignTermWeightAnchored: number;
  penaltyExponent: number;
  /** Answer only above this score, and only this far ahead of the second topic. */
  minAnswerScore: number;
  minMargin: number;
  /** Below this, nothing fits: the fallback. */
  minClarifyScore: number;
  /** Topics within this distance of the first are offered together. */
  clarifyWindow: number;
  maxCandidates: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  phraseWeight: 0.5,
  unknownTermWeight: 0.8,
  foreignTermWeight: 6,
  foreignTermWeightAnchored: 2,
  penaltyExponent: 1,
  minAnswerScore: 0.45,
  minMargin: 0.1,
  minClarifyScore: 0.3,
  clarifyWindow: 0.12,
  maxCandidates: 4,
};
