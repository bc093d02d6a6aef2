// The reply a person gets when something broke on our side, and the one place listener errors are
// logged: the error's message and stack, never the payload (which can hold a question with secrets).
import type { Logger } from '@slack/bolt';
import type { Card } from '../cards/types';

export const SORRY_TEXT =
  'Sorry, something went wrong on my side and I could not answer. Please try again in a minute, or ask your AWS administrator.';

export const sorryCard = (): Card => ({
  text: SORRY_TEXT,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${SORRY_TEXT}` } }],
});

export function logListenerError(logger: Logger, where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.error(`${where} failed: ${detail}`);
}

/** Runs a listener's work; on failure logs it and tries to tell the person, never throwing further. */
export async function withApology(
  logger: Logger,
  where: string,
  work: () => Promise<void>,
  apologise: (card: Card) => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    logListenerError(logger, where, error);
    try {
      await apologise(sorryCard());
    } catch (apologyError) {
      logListenerError(logger, `${where} (apology)`, apologyError);
    }
  }
}
