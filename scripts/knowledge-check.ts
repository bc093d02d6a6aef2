// `npm run knowledge:check [-- --json] [--online] [--knowledge DIR] [--pages-from URL]`
//
// Offline (the default, and what CI runs): validates the whole corpus and names every broken file and
// field at once, checks every cited section is listed in knowledge/sources.yml and every link is https,
// and counts the steps and escalation reasons that name no source. `--online` also fetches each source
// page and reports sections that disappeared, changed heading, or appeared with no topic citing them.
// `--pages-from URL` fetches `URL/<page id>.html` instead of each page's own address (a mirror, or the
// test's local server). `--json` prints one line of counts. Exits 1 when anything is unsourced,
// unresolved, invalid, or (online) changed or unreachable; 2 on a usage error.
import { resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { endQuietlyWhenReaderCloses } from '../src/cli/closed-pipe';
import { type CorpusCheck, checkCorpus } from '../src/knowledge/check-corpus';
import { changeCount, compareSections, type FoundSection, type PageChanges } from '../src/knowledge/compare-sections';
import type { SourcePage } from '../src/knowledge/sources-schema';
import { configuredKnowledgeFolder } from './configured-knowledge';

const FETCH_TIMEOUT_MS = 15_000;
const USAGE = 'usage: knowledge-check [--json] [--online] [--knowledge DIR] [--pages-from URL]';

interface Options {
  json: boolean;
  online: boolean;
  folder: string;
  pagesFrom?: string;
}

interface PageResult {
  page: SourcePage;
  url: string;
  changes?: PageChanges;
  error?: string;
}

function readOptions(args: readonly string[], folder: string): Options | string {
  const options: Options = { json: false, online: false, folder };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--online') options.online = true;
    else if (arg === '--knowledge' || arg === '--pages-from') {
      const value = args[++i];
      if (!value) return `${arg} needs a value`;
      if (arg === '--knowledge') options.folder = resolve(value);
      else options.pagesFrom = value.replace(/\/+$/, '');
    } else return `unknown option ${arg}`;
  }
  return options;
}

/** The sections of a page: each heading with an anchor (its own id, or an `<a name>` in or right after it). */
export function readSections(html: string): FoundSection[] {
  const root = parse(html);
  const found: FoundSection[] = [];
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const inner = heading.querySelector('a[id], a[name]');
    const next = heading.nextElementSibling;
    const after = next?.tagName === 'A' ? next : undefined;
    const anchor =
      heading.getAttribute('id') ??
      inner?.getAttribute('id') ??
      inner?.getAttribute('name') ??
      after?.getAttribute('id') ??
      after?.getAttribute('name');
    const text = heading.text.replace(/\s+/g, ' ').trim();
    if (anchor && text) found.push({ anchor, heading: text });
  }
  return found;
}

async function checkPage(page: SourcePage, pagesFrom: string | undefined): Promise<PageResult> {
  const url = pagesFrom ? `${pagesFrom}/${page.id}.html` : page.url;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) return { page, url, error: `HTTP ${response.status}` };
    const sections = readSections(await response.text());
    if (sections.length === 0) return { page, url, error: 'no headings with anchors found on the page' };
    return { page, url, changes: compareSections(page, sections) };
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { page, url, error: `couldn't fetch it (${reason})` };
  }
}

function printText(check: CorpusCheck, pages: readonly PageResult[] | undefined, print: Print): void {
  const { counts } = check;
  for (const problem of check.problems) print(`${problem.file}: ${problem.message}`);
  print(
    `knowledge: ${counts.topics} topics, ${counts.steps} steps and ${counts.reasons} escalation reasons: ` +
      `${counts.sourced} cite a source section, ${counts.ours} are our own advice, ` +
      `${counts.unsourced} unsourced, ${counts.unresolved} unresolved, ${counts.invalid} other problems.`,
  );
  print(`sources: ${counts.pages} pages, ${counts.sections} sections, ${counts.uncited} cited by no topic.`);
  if (check.uncited.length > 0) print(`  cited by no topic: ${check.uncited.join(', ')}`);
  for (const result of pages ?? []) {
    const name = `${result.page.id} (${result.url})`;
    if (result.error) {
      print(`online: ${name}: ${result.error}`);
      continue;
    }
    const changes = result.changes as PageChanges;
    if (changeCount(changes) === 0) print(`online: ${name}: every recorded section is there, unchanged.`);
    for (const gone of changes.disappeared) print(`online: ${name}: section gone: #${gone.anchor} "${gone.heading}"`);
    for (const renamed of changes.renamed) {
      print(`online: ${name}: heading changed: #${renamed.anchor} "${renamed.recorded}" is now "${renamed.found}"`);
    }
    for (const added of changes.appeared) {
      print(`online: ${name}: new section, cited by no topic: #${added.anchor} "${added.heading}"`);
    }
  }
}

type Print = (line: string) => void;

/**
 * The whole command: prints its report through `print` and returns the exit code. `folder` is checked
 * unless `--knowledge` names another: the command line passes the one KNOWLEDGE_DIR names, as the app
 * and `npm run ask` read it.
 */
export async function runKnowledgeCheck(
  args: readonly string[],
  print: Print,
  printError: Print,
  folder = DEFAULT_KNOWLEDGE_DIR,
): Promise<number> {
  const options = readOptions(args, folder);
  if (typeof options === 'string') {
    printError(`knowledge-check: ${options}\n${USAGE}`);
    return 2;
  }
  const check = checkCorpus(options.folder);
  const pages =
    options.online && check.sources
      ? await Promise.all(check.sources.pages.map((page) => checkPage(page, options.pagesFrom)))
      : undefined;
  const sum = (pick: (changes: PageChanges) => number) =>
    (pages ?? []).reduce((total, result) => total + (result.changes ? pick(result.changes) : 0), 0);
  const online = pages && {
    disappeared: sum((changes) => changes.disappeared.length),
    renamed: sum((changes) => changes.renamed.length),
    appeared: sum((changes) => changes.appeared.length),
    unreachable: pages.filter((result) => result.error).length,
  };
  if (options.json) print(JSON.stringify({ ...check.counts, ...online }));
  else printText(check, pages, print);
  const { unsourced, unresolved, invalid } = check.counts;
  const onlineFailures = online ? online.disappeared + online.renamed + online.appeared + online.unreachable : 0;
  return unsourced + unresolved + invalid + onlineFailures > 0 ? 1 : 0;
}

if (require.main === module) {
  endQuietlyWhenReaderCloses('knowledge-check');
  const folder = configuredKnowledgeFolder();
  if (folder === undefined) process.exit(2);
  runKnowledgeCheck(process.argv.slice(2), console.log, console.error, folder).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`knowledge-check: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
