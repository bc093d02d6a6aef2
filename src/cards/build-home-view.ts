// The Home tab: every topic as a button (grouped by kind of problem) that sends its card in a DM, the
// organisation's contacts and portal, how to ask, and for administrators the usage stats.
import type { types } from '@slack/bolt';
import type { Topic } from '../knowledge/schema';
import { escapeMrkdwn } from '../text/slack-text';
import { actions, button, context, divider, header, section } from './blocks';
import { portalLine } from './build-answer-card';
import { contactsLine } from './build-fallback-card';
import { howToAskLines, NEVER_PASTE_SECRETS } from './build-help-card';
import { ACTION, BLOCK, positional } from './ids';
import { LIMITS } from './limits';
import { chunks, groupTopics } from './topic-menu';
import type { Block, CardContext } from './types';

export const HOME_TITLE = 'Get back into AWS';
export const HOME_INTRO =
  "Locked out of AWS? Pick what you're stuck on and I'll send you the steps in a direct message, or ask me in your own words.";
export const HOME_TOPICS_TITLE = '*What are you stuck on?*';
export const HOME_CONTACTS_TITLE = '*Who can help in our organisation*';
/** Block Kit's limit for a Home tab. */
export const VIEW_BLOCK_LIMIT = 100;

export interface HomeViewInput {
  topics: readonly Topic[];
  context: CardContext;
  commandName: string;
  /** Administrators only: blocks from `statsBlocks`. */
  stats?: Block[];
}

export const statsElsewhereText = (commandName: string): string =>
  `The usage stats do not fit here beside so many topics: \`${escapeMrkdwn(commandName)} stats\` shows them.`;

export const moreTopicsText = (count: number, commandName: string): string =>
  `…and ${count} more topic${count === 1 ? '' : 's'}: ask me in your own words, or pick from the menu \`${escapeMrkdwn(commandName)}\` shows.`;

export function buildHomeView(input: HomeViewInput): types.HomeView {
  const top: Block[] = [header(HOME_TITLE), section(HOME_INTRO), section(HOME_TOPICS_TITLE)];
  const contacts = [contactsLine(input.context)];
  if (input.context.accessPortalUrl) contacts.push(portalLine(input.context.accessPortalUrl));
  const bottom: Block[] = [
    divider(),
    section(`${HOME_CONTACTS_TITLE}\n${contacts.join('\n')}`),
    divider(),
    section(`*How to ask*\n${howToAskLines(input.commandName).join('\n')}`),
    context([NEVER_PASTE_SECRETS]),
  ];
  // Each group's label, then its buttons in rows of at most 25 (an actions block's limit): an
  // organisation's hundreds of own topics under "Other" take several rows, not one cut at 25.
  const topicRows: Array<{ blocks: Block[]; topics: number }> = [];
  groupTopics(input.topics).forEach((group, groupIndex) => {
    chunks(group.topics, LIMITS.actionElements).forEach((part, partIndex) => {
      const blockId = `${BLOCK.homeTopics}_${groupIndex}${partIndex === 0 ? '' : `_${partIndex}`}`;
      const row = actions(
        blockId,
        part.map((topic, index) =>
          button({ actionId: positional(ACTION.homeTopic, index), label: topic.title, value: topic.id }),
        ),
      );
      topicRows.push({ blocks: partIndex === 0 ? [context([`*${group.label}*`]), row] : [row], topics: part.length });
    });
  });
  // Topics come before the contacts and the stats, but not at their cost: past what the view holds,
  // a line says how many more there are (one block kept for it).
  const room = VIEW_BLOCK_LIMIT - top.length - bottom.length - 1;
  const shown: Block[] = [];
  let hidden = 0;
  for (const row of topicRows) {
    if (hidden === 0 && shown.length + row.blocks.length <= room) shown.push(...row.blocks);
    else hidden += row.topics;
  }
  if (hidden > 0) shown.push(context([moreTopicsText(hidden, input.commandName)]));
  const blocks = [...top, ...shown, ...bottom];
  // Stats come last, so a very long corpus loses them before it loses topics or contacts: whole, or
  // replaced by a line saying where they are, never cut partway (a chart's title without its chart).
  if (input.stats) {
    if (blocks.length + 1 + input.stats.length <= VIEW_BLOCK_LIMIT) blocks.push(divider(), ...input.stats);
    else if (blocks.length + 1 <= VIEW_BLOCK_LIMIT) blocks.push(context([statsElsewhereText(input.commandName)]));
  }
  return { type: 'home', blocks: blocks.slice(0, VIEW_BLOCK_LIMIT) };
}
