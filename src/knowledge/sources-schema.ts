// The shape of `knowledge/sources.yml`: the pages the corpus is written from, when each was read, and
// its sections (heading and anchor). Steps and escalation reasons cite sections as `page#anchor`.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const PAGE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const section = z.strictObject({
  heading: nonEmpty.max(200),
  anchor: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be the part after # in the address, like troubleshoot-MFA-issues'),
});

const page = z.strictObject({
  id: z.string().regex(PAGE_ID, 'must be kebab-case, like sign-in-guide'),
  title: nonEmpty.max(200),
  url: z.url({ protocol: /^https$/ }),
  /** The day this page was last read against the corpus (YYYY-MM-DD). */
  read: z.preprocess(
    // YAML reads an unquoted 2026-11-26 as a date; keep it as the text the administrator wrote.
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z.iso.date(),
  ),
  /** What reading it showed that a reader of this file should know (a redirect, a section gone). */
  note: nonEmpty.max(1000).optional(),
  sections: z.array(section).min(1),
});

export const sourcesSchema = z.strictObject({ pages: z.array(page).min(1) });

export type Sources = z.infer<typeof sourcesSchema>;
export type SourcePage = Sources['pages'][number];
export type SourceSection = SourcePage['sections'][number];
