// Listener deps as app.ts builds them, over the real corpus and a real store on a temp file.
import { createAnswerer } from '../../src/answer/create-answerer';
import type { CardContext } from '../../src/cards/types';
import type { ListenerDeps } from '../../src/listeners/deps';
import type { Store } from '../../src/store/types';
import { ORG_CONTEXT, realAnswerPath } from './corpus';

export const ESCALATION_CHANNEL = 'C0ESCALATE';
export const ADMIN_ID = 'U0ADMIN001';
export const SECOND_ADMIN_ID = 'U0ADMIN002';

export function listenerDeps(
  store: Store,
  cardContext: CardContext = { ...ORG_CONTEXT, escalationChannel: ESCALATION_CHANNEL },
): ListenerDeps {
  const { corpus, matcher } = realAnswerPath();
  return {
    answerer: createAnswerer({ corpus, matcher, cardContext, questions: store.questions }),
    corpus,
    store,
    cardContext,
    adminUserIds: new Set([ADMIN_ID, SECOND_ADMIN_ID]),
  };
}
