// What listeners get from app.ts. Plain objects, so tests pass fakes (or a store on a temp file) instead
// of mocking modules. Each factory takes only the parts it uses.
import type { Answerer } from '../answer/create-answerer';
import type { CardContext } from '../cards/types';
import type { Corpus } from '../knowledge/load-knowledge';
import type { Store } from '../store/types';

export interface ListenerDeps {
  answerer: Answerer;
  corpus: Corpus;
  store: Store;
  /** The organisation's settings: contacts, portal, and the escalation channel when set up. */
  cardContext: CardContext;
  /** Who may see usage stats. */
  adminUserIds: ReadonlySet<string>;
}

/** A topic's title for posts and stats; a topic removed from the corpus since shows its id. */
export const topicTitle = (corpus: Corpus, topicId: string): string => corpus.byId.get(topicId)?.title ?? topicId;
