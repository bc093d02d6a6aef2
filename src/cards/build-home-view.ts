// The Home tab: every topic as a button (grouped by kind of problem) that sends its card in a DM, the
// organisation's contacts and portal, how to ask, and for administrators the usage stats.
import type { types } from '@slack/bolt';
import type { Topic } from '../knowledge/schema';
import { actions, button, context, divider, header, section } from './blocks';
import { portalLine } from './build-answer-card';
import { contactsLine } from './build-fallback-card';
import { howToAskLines, NEVER_PASTE_SECRETS } from './build-help-card';
import { ACTION, BLOCK, positional } from './ids';
import { groupTopics } from './topic-menu';
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

export function buildHomeView(input: HomeViewInput): types.HomeView {
  const blocks: Block[] = [header(HOME_TITLE), section(HOME_INTRO), section(HOME_TOPICS_TITLE)];
  groupTopics(input.topics).forEach((group, groupIndex) => {
    blocks.push(
      context([`*${group.label}*`]),
      actions(
        `${BLOCK.homeTopics}_${groupIndex}`,
        group.topics.map((topic, index) =>
          button({ actionId: positional(ACTION.homeTopic, index), label: topic.title, value: topic.id }),
        ),
      ),
    );
  });
  const contacts = [contactsLine(input.context)];
  if (input.context.accessPortalUrl) contacts.push(portalLine(input.context.accessPortalUrl));
  blocks.push(
    divider(),
    section(`${HOME_CONTACTS_TITLE}\n${contacts.join('\n')}`),
    divider(),
    section(`*How to ask*\n${howToAskLines(input.commandName).join('\n')}`),
    context([NEVER_PASTE_SECRETS]),
  );
  if (input.stats) blocks.push(divider(), ...input.stats);
  // Stats come last, so a very long corpus loses them before it loses topics.
  return { type: 'home', blocks: blocks.slice(0, VIEW_BLOCK_LIMIT) };
}
