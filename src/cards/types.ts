// What every card builder returns, and the organisation settings cards show.
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

export interface Card {
  /** Fallback text: notifications, screen readers, and clients that can't show blocks. */
  text: string;
  blocks: Block[];
}

export interface CardContext {
  /** Who to ask inside the organisation, as the card should show it (`<#C0123|aws-help>` or a name). */
  adminContact?: string;
  /** The organisation's AWS access portal (`https://d-xxxxxxxxxx.awsapps.com/start`). */
  accessPortalUrl?: string;
  /** The channel "Ask my administrator" posts to (a channel ID); unset, the button is not offered. */
  escalationChannel?: string;
}
