// The last line of defence for the whole process: a promise rejection nobody handled, or an exception
// thrown outside any listener (a timer in a library, a socket callback), is logged through the app's
// redacting logger and the process goes on serving. Node's default would print the raw stack, past
// the redaction, and exit.
import type { Logger } from '@slack/bolt';

const describe = (reason: unknown): string =>
  reason instanceof Error ? (reason.stack ?? `${reason.name}: ${reason.message}`) : String(reason);

/** Installs the guard; the function it returns removes it (tests). */
export function installProcessGuard(logger: Logger, target: NodeJS.Process = process): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(`Unhandled promise rejection (the app goes on): ${describe(reason)}`);
  };
  const onException = (error: unknown) => {
    logger.error(`Uncaught exception outside a listener (the app goes on): ${describe(error)}`);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
