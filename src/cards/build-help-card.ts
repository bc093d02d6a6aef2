// The help card: how to use the app, for `/aws-signin help`.
import { context, header, section } from './blocks';
import type { Card } from './types';

export const HELP_TITLE = 'Getting back into AWS: how to ask';
export const NEVER_PASTE_SECRETS = ':lock: Never paste passwords or access keys in Slack. I will never ask for them.';

/** How to ask, one line each: the help card and the Home tab both show them. */
export const howToAskLines = (commandName: string): string[] => [
  `• \`${commandName} I lost my MFA phone\`: ask in your own words; only you see the answer, and you can share it.`,
  `• \`${commandName}\` on its own: pick from the list of topics.`,
  '• Mention me in a channel and I answer in a thread; or send me a direct message.',
  '• Every answer says who can help next: you, your administrator, or AWS Support.',
];

export function buildHelpCard(commandName: string): Card {
  const lines = howToAskLines(commandName);
  return {
    text: `${HELP_TITLE}. ${lines.join(' ')}`,
    blocks: [header(HELP_TITLE), section(lines.join('\n')), context([NEVER_PASTE_SECRETS])],
  };
}
