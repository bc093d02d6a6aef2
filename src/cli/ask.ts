// `npm run ask -- "question"`: the bot's answer, offline. Same matcher, same cards as Slack.
//   --json     one JSON line: {"kind","topic","candidates","confidence","user"} (the evaluation reads this)
//   --blocks   the exact Slack message payload {"text","blocks"}
//   --topic ID that topic's card instead of matching a question
// With no question argument, questions are read from standard input, one a line.
import { createInterface } from 'node:readline';
import { config as loadDotenv } from 'dotenv';
import { type AnswerPath, createAnswerPath } from '../answer/create-answer-path';
import { ConfigError, loadCardContext } from '../config';
import { KnowledgeError } from '../knowledge/load-knowledge';
import { type Format, formatCard, formatReply } from './format-reply';

const USAGE = `Usage: npm run ask -- [--json | --blocks] "question"
       npm run ask -- [--json | --blocks] --topic <topic-id>
       npm run --silent ask -- --json < questions.txt   (one question a line)`;

interface Options {
  format: Format;
  topic?: string;
  question?: string;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { format: 'text' };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') options.format = 'json';
    else if (arg === '--blocks') options.format = 'blocks';
    else if (arg === '--topic') {
      const id = args[++i];
      if (!id) return '--topic needs a topic id';
      options.topic = id;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('--')) return `Unknown option ${arg}`;
    else words.push(arg);
  }
  if (words.length > 0) options.question = words.join(' ');
  return options;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return parsed === USAGE ? 0 : 2;
  }
  loadDotenv({ quiet: true });
  let path: AnswerPath;
  try {
    path = createAnswerPath(loadCardContext(process.env), process.env.KNOWLEDGE_DIR || undefined);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { answerer } = path;

  if (parsed.topic) {
    const card = answerer.topicCard({ topicId: parsed.topic });
    if (!card) {
      process.stderr.write(`No topic "${parsed.topic}". Topics: ${path.corpus.topics.map((t) => t.id).join(', ')}\n`);
      return 2;
    }
    process.stdout.write(
      `${parsed.format === 'json' ? JSON.stringify({ kind: 'answer', topic: parsed.topic, candidates: [parsed.topic], confidence: 1, user: null }) : formatCard(card, parsed.format)}\n`,
    );
    return 0;
  }
  if (parsed.question !== undefined) {
    process.stdout.write(`${formatReply(answerer.answer(parsed.question), parsed.format)}\n`);
    return 0;
  }
  if (process.stdin.isTTY) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const separator = parsed.format === 'text' ? '\n\n' : '\n';
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    process.stdout.write(`${formatReply(answerer.answer(line), parsed.format)}${separator}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
