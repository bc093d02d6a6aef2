// The `ask` command line's arguments, read with Node's own parseArgs: what to do, or what is wrong (the
// caller prints that with the usage and exits 2). Conflicting or surplus arguments are refused, never guessed.
import { parseArgs } from 'node:util';
import type { Format } from './format-reply';

export const USAGE = `Usage: npm run ask -- [--json | --blocks] "question"
       npm run ask -- [--json | --blocks] --topic=<topic-id>
       npm run ask -- --list | --version | --help
       npm run --silent ask -- --json < questions.txt   (one question a line, one reply each)`;

export const HELP = `${USAGE}

Answers a question about getting back into AWS, offline, with the same matcher and cards as the Slack app.
With no question and nothing piped in, shows the topic menu.

Options:
  --json           one JSON line a question: {"kind","topic","candidates","confidence","user","nearest","twoProblems"}
  --blocks         the exact Slack message payload {"text","blocks"} (paste blocks into Block Kit Builder)
  --topic=<id>     that topic's card instead of an answer to a question (ids: --list)
  --list           every topic: its id and title
  --version        this program's version
  -h, --help       this help

Environment (also read from .env in the current folder):
  ADMIN_CONTACT       who to ask in your organisation, shown on the cards
  ACCESS_PORTAL_URL   your AWS access portal link, shown on access-portal topics
  KNOWLEDGE_DIR       a knowledge folder other than the shipped knowledge/
Exit status: 0 answered, 1 a setting or knowledge file is wrong, 2 the command line is wrong.`;

export const MENU_HINT = 'Ask in your own words: npm run ask -- "I lost my MFA phone"   (more: npm run ask -- --help)';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'list' }
  | { kind: 'topic'; format: Format; topic: string }
  | { kind: 'ask'; format: Format; question?: string };

/** Reads the arguments, or returns what is wrong with them. */
export function readCommand(args: string[]): Command | { error: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.json && values.blocks) return { error: '--json and --blocks cannot be used together: pick one' };
  const format: Format = values.json ? 'json' : values.blocks ? 'blocks' : 'text';
  const others = (except: string) =>
    (['version', 'list', 'topic', 'json', 'blocks'] as const)
      .filter((name) => name !== except && values[name] !== undefined && values[name] !== false)
      .map((name) => `--${name}`);
  for (const only of ['version', 'list'] as const) {
    if (!values[only]) continue;
    const extra = [...others(only), ...(positionals.length > 0 ? ['a question'] : [])];
    if (extra.length > 0) return { error: `--${only} takes nothing else (not ${extra.join(', ')})` };
    return { kind: only };
  }
  if (values.topic !== undefined) {
    const [topic = '', ...more] = values.topic;
    if (more.length > 0) return { error: '--topic shows one topic: give it once' };
    if (!topic.trim()) return { error: '--topic needs a topic id, like --topic=mfa-device-lost (ids: --list)' };
    if (positionals.length > 0)
      return { error: '--topic shows one topic: give either --topic or a question, not both' };
    return { kind: 'topic', format, topic: topic.trim() };
  }
  return { kind: 'ask', format, ...(positionals.length > 0 ? { question: positionals.join(' ') } : {}) };
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      blocks: { type: 'boolean' },
      topic: { type: 'string', multiple: true },
      list: { type: 'boolean' },
      version: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
