// The weights and thresholds that turn evidence into answer / clarify / fallback. Chosen from data
// with `npx tsx scripts/tune-thresholds.ts` (see docs/matching.md); re-check with `npm run eval`.
export interface Thresholds {
  /** Share of a topic's score that comes from its best single phrase (the rest: the votes it won). */
  phraseWeight: number;
  /** How much each word from another product dilutes the question's evidence, without / with an AWS word beside it. */
  foreignWeight: number;
  foreignWeightAnchored: number;
  /** How much each word the corpus has never seen dilutes it. */
  unknownWeight: number;
  /** A topic needs at least this many votes to be considered at all. */
  minVotes: number;
  /** Below this score nothing fits: the fallback... */
  minScore: number;
  /** ...unless the first topic scores at least this and leads the second by `clearLeadRatio` or more. */
  minClearScore: number;
  clearLeadRatio: number;
  /** Topics scoring at least this share of the first one's score are close enough to ask about. */
  clarifyRatio: number;
  maxCandidates: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  phraseWeight: 0.35,
  foreignWeight: 8,
  foreignWeightAnchored: 0.7,
  unknownWeight: 0,
  minVotes: 0.05,
  minScore: 0.25,
  minClearScore: 0.2,
  clearLeadRatio: 0.5,
  clarifyRatio: 0.8,
  maxCandidates: 4,
};
