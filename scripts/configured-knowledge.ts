// The knowledge folder the scripts for whoever edits the corpus read: the one KNOWLEDGE_DIR names (in the
// environment or .env), as the app and `npm run ask` read it, or the shipped one.
import { resolve } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/answer/create-answer-path';
import { ConfigError, loadEnvFile, loadKnowledgeDir } from '../src/config';

/** The folder, or undefined after saying on stderr what is wrong with the setting. */
export function configuredKnowledgeFolder(): string | undefined {
  try {
    const dir = loadKnowledgeDir(process.env, loadEnvFile(process.env));
    return dir ? resolve(dir) : DEFAULT_KNOWLEDGE_DIR;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return undefined;
  }
}
