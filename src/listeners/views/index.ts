import type { App } from '@slack/bolt';
import { VIEW } from '../../cards/ids';
import type { ListenerDeps } from '../deps';
import { createFeedbackSubmission } from './feedback-submission';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEW.feedback, createFeedbackSubmission(deps));
}
