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

/**
 * What went wrong, with the stack of where it was thrown. Bolt hands app.error a wrapper (UnknownError,
 * MultipleListenerError) whose own stack points into Bolt and whose message is empty for a thrown string.
 */
function describeError(error: unknown): string {
  const wrapped = error as { original?: unknown; originals?: unknown } | null | undefined;
  if (Array.isArray(wrapped?.originals)) return wrapped.originals.map(describeError).join('\n');
  if (wrapped?.original !== undefined) return describeError(wrapped.original);
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function logListenerError(logger: Logger, where: string, error: unknown): void {
  logger.error(`${where} failed: ${describeError(error)}`);
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
