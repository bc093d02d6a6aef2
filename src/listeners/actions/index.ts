import type { App, BlockAction } from '@slack/bolt';
import { ACTION, actionIdPattern } from '../../cards/ids';
import type { ListenerDeps } from '../deps';
import { createAskAdministratorAction, createEscalationChangeAction } from './escalation-actions';
import { createHelpfulAction, createNotHelpfulAction } from './feedback-actions';
import { createHomeTopicAction } from './home-actions';
import {
  createContactSupportAction,
  createOpenTopicAction,
  createShareAction,
  createStillStuckAction,
} from './topic-actions';

export function registerActions(app: App, deps: ListenerDeps): void {
  const openTopic = createOpenTopicAction(deps);
  app.action<BlockAction>({ action_id: actionIdPattern(ACTION.openTopic) }, openTopic);
  app.action<BlockAction>({ action_id: actionIdPattern(ACTION.userKind) }, openTopic);
  app.action<BlockAction>(ACTION.topicSelect, openTopic);
  app.action<BlockAction>(ACTION.stillStuck, createStillStuckAction(deps));
  app.action<BlockAction>(ACTION.shareInChannel, createShareAction(deps));
  app.action<BlockAction>(ACTION.contactAwsSupport, createContactSupportAction(deps));
  app.action<BlockAction>(ACTION.feedbackHelpful, createHelpfulAction(deps));
  app.action<BlockAction>(ACTION.feedbackNotHelpful, createNotHelpfulAction(deps));
  app.action<BlockAction>(ACTION.askAdministrator, createAskAdministratorAction(deps));
  app.action<BlockAction>(ACTION.escalationClaim, createEscalationChangeAction('claim', deps));
  app.action<BlockAction>(ACTION.escalationResolve, createEscalationChangeAction('resolve', deps));
  app.action<BlockAction>({ action_id: actionIdPattern(ACTION.homeTopic) }, createHomeTopicAction(deps));
}
