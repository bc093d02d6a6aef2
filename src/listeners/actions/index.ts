import type { App, BlockAction } from '@slack/bolt';
import { ACTION, actionIdPattern } from '../../cards/ids';
import type { ListenerDeps } from '../deps';
import { createAskAdministratorAction, createEscalationChangeAction } from './escalation-actions';
import { createHelpfulAction, createNotHelpfulAction } from './feedback-actions';
import { createHomeTopicAction } from './home-actions';
import type { ActionArgs } from './reply-to-action';
import {
  createContactSupportAction,
  createOpenTopicAction,
  createShareAction,
  createStillStuckAction,
} from './topic-actions';

type ActionListener = (args: ActionArgs) => Promise<void>;

/** The listener for each button and menu the cards carry, by action id. */
function actionRoutes(deps: ListenerDeps): Array<[string | RegExp, ActionListener]> {
  const openTopic = createOpenTopicAction(deps);
  return [
    [actionIdPattern(ACTION.openTopic), openTopic],
    [actionIdPattern(ACTION.userKind), openTopic],
    [ACTION.otherUserKinds, openTopic],
    [ACTION.topicSelect, openTopic],
    [ACTION.stillStuck, createStillStuckAction(deps)],
    [ACTION.shareInChannel, createShareAction(deps)],
    [ACTION.contactAwsSupport, createContactSupportAction(deps)],
    [ACTION.feedbackHelpful, createHelpfulAction(deps)],
    [ACTION.feedbackNotHelpful, createNotHelpfulAction(deps)],
    [ACTION.askAdministrator, createAskAdministratorAction(deps)],
    [ACTION.escalationClaim, createEscalationChangeAction('claim', deps)],
    [ACTION.escalationResolve, createEscalationChangeAction('resolve', deps)],
    [actionIdPattern(ACTION.homeTopic), createHomeTopicAction(deps)],
  ];
}

/**
 * One Bolt listener routes every click. Bolt runs each registered listener's matchers on every request
 * (commands and events too), so a dozen action listeners cost every request a dozen middleware chains.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  const routes = actionRoutes(deps);
  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const actionId = args.action.action_id;
    const route = routes.find(([id]) => (typeof id === 'string' ? id === actionId : id.test(actionId)));
    if (route) {
      await route[1](args);
      return;
    }
    // A card from an older version of the app, or a link button (Slack reports those clicks too).
    await args.ack();
    args.logger.debug(`Ignored a click on an action this app does not handle: ${actionId.slice(0, 64)}`);
  });
}
