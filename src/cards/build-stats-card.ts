// Usage stats for administrators: `/aws-signin stats` and the top of their Home tab. Shares and helpful
// rates are drawn as text bars in a preformatted rich text block: no image host, readable at a glance.
import type { types } from '@slack/bolt';
import { ASKER_KINDS, type AskerKind } from '../knowledge/schema';
import type { UsageStats } from '../store/types';
import { collapseSpaces, escapeMrkdwn, quoteForSlack, truncate } from '../text/slack-text';
import { context, header, noteCard, section } from './blocks';
import type { Block, Card } from './types';

export const statsTitle = (days: number): string => `Usage in the last ${days} day${days === 1 ? '' : 's'}`;
export const STATS_REFUSAL_TEXT =
  "Sorry, usage stats are only for this app's administrators. I'm happy to help with getting into AWS, though: try `/aws-signin I lost my MFA device`.";
export const NO_QUESTIONS_TEXT = 'No questions typed in these days yet.';
export const UNANSWERED_TITLE = '*Most frequent unanswered questions* (add these to the knowledge files)';
export const MISSING_TITLE = '*What people said was missing*';
export const STATS_UNREADABLE_TEXT =
  ':warning: The usage stats could not be read just now (the database did not answer). Open this tab again in a minute.';

/** In the stats' place, for an administrator, when the database could not give them. */
export const statsUnreadableBlocks = (): Block[] => [context([STATS_UNREADABLE_TEXT])];

/** Questions that will never be saved: the figures are short by that many for good. */
export const statsLostText = (lost: number): string =>
  `:warning: ${plural(lost, 'question')} answered by this instance in this period could not be saved and ${lost === 1 ? 'is' : 'are'} not counted here.`;
/** Stats read while some questions are not in the database yet: the figures are short by that many. */
export const statsIncompleteText = (unsaved: number): string =>
  `:warning: Incomplete: ${plural(unsaved, 'question')} answered by this instance ${unsaved === 1 ? 'is' : 'are'} not saved yet (the database was unreachable) and ${unsaved === 1 ? 'is' : 'are'} not counted here.`;

export const USER_KINDS_TITLE = '*Who asked* (when the question said)';
const USER_KIND_LABEL: Record<AskerKind, string> = {
  root: 'Root user',
  iam: 'IAM user',
  'identity-center': 'Access portal (Identity Center)',
  federated: 'Federated (company sign-in)',
};
const BAR_WIDTH = 20;
const LABEL_WIDTH = 28;
const DAY_MS = 24 * 60 * 60 * 1000;

const plural = (n: number, word: string, mark = ''): string => `${mark}${n}${mark} ${word}${n === 1 ? '' : 's'}`;

const daysOf = (stats: UsageStats): number => Math.max(1, Math.round((stats.until - stats.since) / DAY_MS));

/** A bar of `width` cells, filled in proportion: `██████░░░░`. */
export function bar(fraction: number, width = BAR_WIDTH): string {
  const filled = roundedBetween(Math.min(1, Math.max(0, fraction)), width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/**
 * `fraction` of `steps`, rounded, but never to all or none when it is neither: 199 of 200 helpful is not
 * "100%", one fallback in 201 is not "0%".
 */
function roundedBetween(fraction: number, steps: number): number {
  if (fraction <= 0 || fraction >= 1) return fraction <= 0 ? 0 : steps;
  return Math.min(steps - 1, Math.max(1, Math.round(fraction * steps)));
}

const percent = (part: number, whole: number): string =>
  `${whole === 0 ? 0 : roundedBetween(part / whole, 100)}%`.padStart(4);

function chart(rows: Array<{ label: string; part: number; whole: number; detail: string }>): types.RichTextBlock {
  const lines = rows.map(
    ({ label, part, whole, detail }) =>
      `${truncate(label, LABEL_WIDTH).padEnd(LABEL_WIDTH)} ${bar(whole === 0 ? 0 : part / whole)} ${percent(part, whole)}  ${detail}`,
  );
  return {
    type: 'rich_text',
    elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: lines.join('\n') }] }],
  };
}

/** The stats as blocks; `titleOf` names a topic id (the corpus may have lost it since). */
export function statsBlocks(stats: UsageStats, titleOf: (topicId: string) => string): Block[] {
  const claimed = stats.claimedEscalations > 0 ? ` (${stats.claimedEscalations} with someone on it)` : '';
  const blocks: Block[] = [
    header(statsTitle(daysOf(stats))),
    section(
      `${plural(stats.questions, 'question', '*')} · ${plural(stats.openEscalations, 'open escalation', '*')}${claimed}`,
    ),
  ];
  if (stats.unsaved > 0) blocks.push(section(statsIncompleteText(stats.unsaved)));
  const lost = stats.lost ?? 0;
  if (lost > 0) blocks.push(section(statsLostText(lost)));
  if (stats.questions === 0) {
    blocks.push(section(NO_QUESTIONS_TEXT));
  } else {
    const { answer, clarify, fallback } = stats.kinds;
    blocks.push(
      section('*How questions went*'),
      chart([
        { label: 'Answered', part: answer, whole: stats.questions, detail: `(${answer})` },
        { label: 'Asked which one (clarified)', part: clarify, whole: stats.questions, detail: `(${clarify})` },
        { label: "Didn't know (fallback)", part: fallback, whole: stats.questions, detail: `(${fallback})` },
      ]),
    );
  }
  const userKinds = stats.userKinds;
  if (userKinds && stats.questions > 0 && ASKER_KINDS.some((kind) => userKinds[kind] > 0)) {
    blocks.push(
      section(USER_KINDS_TITLE),
      chart(
        ASKER_KINDS.map((kind) => ({
          label: USER_KIND_LABEL[kind],
          part: userKinds[kind],
          whole: stats.questions,
          detail: `(${userKinds[kind]})`,
        })),
      ),
    );
  }
  if (stats.helpfulByTopic.length > 0) {
    blocks.push(
      section('*Helpful rate per topic*'),
      chart(
        stats.helpfulByTopic.map((row) => ({
          label: titleOf(row.topicId),
          part: row.helpful,
          whole: row.total,
          detail: `${row.helpful}/${row.total} helpful`,
        })),
      ),
    );
  }
  if (stats.unanswered.length > 0) {
    const lines = stats.unanswered.map(
      (row, index) => `${index + 1}. ${quoteForSlack(row.question, 200)}${row.count > 1 ? ` (×${row.count})` : ''}`,
    );
    // People's words: what they typed stays text (a URL or #channel in a question is not a link).
    blocks.push(section(`${UNANSWERED_TITLE}\n${lines.join('\n')}`, undefined, { verbatim: true }));
  }
  if (stats.missing.length > 0) {
    const lines = stats.missing.map(
      // One line a note: a note of several paragraphs must not break the list into lines of its own.
      (row) => `• _${quoteForSlack(collapseSpaces(row.text).trim(), 300)}_ (${escapeMrkdwn(titleOf(row.topicId))})`,
    );
    blocks.push(section(`${MISSING_TITLE}\n${lines.join('\n')}`, undefined, { verbatim: true }));
  }
  blocks.push(
    context(['Counts questions people typed (not topics picked from a list), and feedback given in the same days.']),
  );
  return blocks;
}

export function buildStatsCard(stats: UsageStats, titleOf: (topicId: string) => string): Card {
  const { answer, clarify, fallback } = stats.kinds;
  return {
    text: `${statsTitle(daysOf(stats))}: ${plural(stats.questions, 'question')} (${answer} answered, ${clarify} clarified, ${fallback} fallback), ${plural(stats.openEscalations, 'open escalation')}.`,
    blocks: statsBlocks(stats, titleOf),
  };
}

export const buildStatsRefusalCard = (): Card => noteCard(STATS_REFUSAL_TEXT);
