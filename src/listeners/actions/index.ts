import type { App, BlockAction } from '@slack/bolt';
import { ACTION, actionIdPattern } from '../../cards/ids';
import type { ListenerDeps } from '../deps';
import { createOpenTopicAction, createShareAction, createStillStuckAction } from './topic-actions';

export function registerActions(app: App, deps: ListenerDeps): void {
  const openTopic = createOpenTopicAction(deps);
  app.action<BlockAction>({ action_id: actionIdPattern(ACTION.openTopic) }, openTopic);
  app.action<BlockAction>({ action_id: actionIdPattern(ACTION.userKind) }, openTopic);
  app.action<BlockAction>(ACTION.topicSelect, openTopic);
  app.action<BlockAction>(ACTION.stillStuck, createStillStuckAction(deps));
  app.action<BlockAction>(ACTION.shareInChannel, createShareAction(deps));
}
