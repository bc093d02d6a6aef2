// What `npm run knowledge:check` reports offline: the whole corpus validated at once (every broken file
// and field), every citation resolved against `knowledge/sources.yml`, and every step or escalation reason
// that names no source and is not marked as our own advice.
import { inspectKnowledge, type KnowledgeProblem, provenanceOf } from './load-knowledge';
import type { Sources } from './sources-schema';

export interface CorpusCounts {
  topics: number;
  steps: number;
  reasons: number;
  /** Steps and reasons that cite at least one section. */
  sourced: number;
  /** Steps and reasons marked `ours: true`. */
  ours: number;
  /** Steps and reasons with neither: the check fails on any. */
  unsourced: number;
  /** Citations of a section `sources.yml` does not list: the check fails on any. */
  unresolved: number;
  /** Every other problem that stops the app at start (bad YAML, a missing field, an http:// link...). */
  invalid: number;
  pages: number;
  sections: number;
  /** Sections listed in `sources.yml` that no topic cites (information, not a failure). */
  uncited: number;
}

export interface CheckProblem {
  file: string;
  kind: KnowledgeProblem['kind'] | 'unsourced';
  message: string;
}

export interface CorpusCheck {
  counts: CorpusCounts;
  problems: readonly CheckProblem[];
  sources?: Sources;
  /** Every `page#anchor` some topic cites. */
  cited: ReadonlySet<string>;
  /** `page#anchor` of each listed section no topic cites. */
  uncited: readonly string[];
}

export const UNSOURCED_MESSAGE =
  'names no source: add source: page#anchor (a section of sources.yml), or ours: true if it is our own advice';

export function checkCorpus(folder: string): CorpusCheck {
  const report = inspectKnowledge(folder);
  const problems: CheckProblem[] = [...report.problems];
  let steps = 0;
  let reasons = 0;
  let sourced = 0;
  let ours = 0;
  const cited = new Set<string>();
  for (const { file, topic } of report.parsed) {
    for (const item of provenanceOf(topic)) {
      if (item.field.includes('escalation.')) reasons++;
      else steps++;
      for (const ref of item.sources) cited.add(ref);
      if (item.sources.length > 0) sourced++;
      else if (item.ours) ours++;
      else problems.push({ file, kind: 'unsourced', message: `field "${item.field}" ${UNSOURCED_MESSAGE}` });
    }
  }
  const listed = report.sources?.pages.flatMap((page) => page.sections.map((s) => `${page.id}#${s.anchor}`)) ?? [];
  const uncited = listed.filter((ref) => !cited.has(ref));
  const count = (kind: CheckProblem['kind']) => problems.filter((problem) => problem.kind === kind).length;
  return {
    counts: {
      topics: report.parsed.length,
      steps,
      reasons,
      sourced,
      ours,
      unsourced: count('unsourced'),
      unresolved: count('unresolved'),
      invalid: count('invalid'),
      pages: report.sources?.pages.length ?? 0,
      sections: listed.length,
      uncited: uncited.length,
    },
    problems,
    sources: report.sources,
    cited,
    uncited,
  };
}
