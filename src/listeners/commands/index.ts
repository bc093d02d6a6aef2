import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { COMMAND_NAME, createAwsSigninCommand } from './aws-signin';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMAND_NAME, createAwsSigninCommand(deps));
}
