// What listeners get from app.ts. Plain objects, so tests pass fakes instead of mocking modules.
import type { Answerer } from '../answer/create-answerer';

export interface ListenerDeps {
  answerer: Answerer;
}
