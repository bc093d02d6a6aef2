import type { App } from '@slack/bolt';
import { createRedeliveryFilter } from '../../slack/redelivered-events';
import type { ListenerDeps } from '../deps';
import { createAppHomeOpenedListener } from './app-home-opened';
import { createAppMentionListener } from './app-mention';
import { createDirectMessageListener } from './direct-message';

export function registerEvents(app: App, deps: ListenerDeps): void {
  // Slack redelivers an event it thinks failed, sometimes after it was answered and maybe to another
  // replica: the listeners that answer run once per event, across replicas (the store decides). Only
  // these two need it, so no other request pays for the check.
  const firstDelivery = createRedeliveryFilter({
    events: deps.store.events,
    onStoreTrouble: (error) =>
      error === undefined
        ? app.logger.info('The database answers again: redelivered events are checked across replicas again')
        : app.logger.warn(
            `The database could not be asked whether an event was already answered; answering anyway (${error instanceof Error ? error.message : String(error)})`,
          ),
  });
  app.event('app_mention', firstDelivery, createAppMentionListener(deps));
  app.event('message', firstDelivery, createDirectMessageListener(deps));
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
}
