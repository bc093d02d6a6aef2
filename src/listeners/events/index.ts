import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { createAppHomeOpenedListener } from './app-home-opened';
import { createAppMentionListener } from './app-mention';
import { createDirectMessageListener } from './direct-message';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_mention', createAppMentionListener(deps));
  app.event('message', createDirectMessageListener(deps));
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
}
