// How a source page changed since `knowledge/sources.yml` recorded it: sections that disappeared, that
// changed heading, and that appeared with no topic citing them. Pure: the page is read elsewhere.
import type { SourcePage } from './sources-schema';

export interface FoundSection {
  anchor: string;
  heading: string;
}

export interface PageChanges {
  /** Recorded sections the page no longer has (by anchor). */
  disappeared: FoundSection[];
  /** Same anchor, another heading now. */
  renamed: Array<{ anchor: string; recorded: string; found: string }>;
  /** Sections on the page that sources.yml does not list, so no topic can cite them. */
  appeared: FoundSection[];
}

/** Headings compared as a reader sees them: curly and straight quotes alike, spacing ignored. */
export const sameHeading = (a: string, b: string): boolean => normalise(a) === normalise(b);

const normalise = (heading: string): string =>
  heading
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export function compareSections(page: Pick<SourcePage, 'sections'>, found: readonly FoundSection[]): PageChanges {
  const foundByAnchor = new Map(found.map((section) => [section.anchor, section]));
  const recorded = new Set(page.sections.map((section) => section.anchor));
  const disappeared: FoundSection[] = [];
  const renamed: PageChanges['renamed'] = [];
  for (const section of page.sections) {
    const now = foundByAnchor.get(section.anchor);
    if (!now) disappeared.push(section);
    else if (!sameHeading(now.heading, section.heading)) {
      renamed.push({ anchor: section.anchor, recorded: section.heading, found: now.heading });
    }
  }
  const appeared = found.filter((section) => !recorded.has(section.anchor));
  return { disappeared, renamed, appeared };
}

export const changeCount = (changes: PageChanges): number =>
  changes.disappeared.length + changes.renamed.length + changes.appeared.length;
