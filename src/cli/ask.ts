// `npm run ask -- "question"`: the bot's answer, offline. Same matcher, same cards as Slack.
//   --json       one JSON line: {"kind","topic","candidates","confidence","user","nearest","twoProblems"} (the evaluation reads this)
//   --blocks     the exact Slack message payload {"text","blocks"}
//   --topic=ID   that topic's card instead of matching a question
//   --list       every topic id and title; --version; --help
// With no question argument and input piped in, questions are read from standard input, one a line.
// With neither (a terminal), it shows the topic menu, as `/aws-signin` on its own does in Slack.
import { once } from 'node:events';
import { fstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type AnswerPath, createAnswerPath } from '../answer/create-answer-path';
import { ConfigError, loadCardContext, loadEnvFile, loadKnowledgeDir } from '../config';
import { KnowledgeError } from '../knowledge/load-knowledge';
import { HELP, MENU_HINT, readCommand, USAGE } from './ask-command';
import { endQuietlyWhenReaderCloses } from './closed-pipe';
import { formatCard, formatReply } from './format-reply';

function version(): string {
  const file = join(__dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function openAnswerPath(): AnswerPath | undefined {
  try {
    const notes = loadEnvFile(process.env);
    return createAnswerPath(loadCardContext(process.env, notes), loadKnowledgeDir(process.env, notes));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

function isFolder(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

/** Runs the command line on `args`; resolves to the exit status. */
export async function runAsk(args: string[]): Promise<number> {
  const command = readCommand(args);
  if ('error' in command) {
    process.stderr.write(`ask: ${command.error}\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const path = openAnswerPath();
  if (!path) return 1;
  const { answerer, corpus } = path;

  if (command.kind === 'list') {
    const width = Math.max(...corpus.topics.map((topic) => topic.id.length));
    process.stdout.write(corpus.topics.map((topic) => `${topic.id.padEnd(width)}  ${topic.title}\n`).join(''));
    return 0;
  }
  if (command.kind === 'topic') {
    const card = answerer.topicCard({ topicId: command.topic });
    if (!card) {
      const shown = /^[\w-]{1,60}$/.test(command.topic) ? ` "${command.topic}"` : '';
      process.stderr.write(`ask: no topic${shown}; npm run ask -- --list shows every topic id\n`);
      return 2;
    }
    const line =
      command.format === 'json'
        ? JSON.stringify({
            kind: 'answer',
            topic: command.topic,
            candidates: [command.topic],
            confidence: 1,
            user: null,
            nearest: [],
            twoProblems: false,
          })
        : formatCard(card, command.format);
    process.stdout.write(`${line}\n`);
    return 0;
  }
  if (command.question !== undefined) {
    process.stdout.write(`${formatReply(answerer.answer(command.question), command.format)}\n`);
    return 0;
  }
  if (process.stdin.isTTY) {
    // Nothing to read: what `/aws-signin` on its own shows, the topic menu.
    process.stdout.write(`${formatReply(answerer.answer(''), command.format)}\n`);
    if (command.format === 'text') process.stdout.write(`\n${MENU_HINT}\n`);
    return 0;
  }
  // `< some-folder` reads as an empty file, silently: say so instead.
  if (isFolder(0)) {
    process.stderr.write('ask: standard input is a folder; give it a file of questions, one a line\n');
    return 2;
  }
  const separator = command.format === 'text' ? '\n\n' : '\n';
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    // A slow reader (a pipe to `less`) must not make the replies pile up in memory: wait for it.
    if (!process.stdout.write(`${formatReply(answerer.answer(line), command.format)}${separator}`)) {
      await once(process.stdout, 'drain');
    }
  }
  return 0;
}

/** Runs with this process's arguments and sets its exit status: `node dist/cli/ask.js`, and scripts/ask.js. */
export function main(): void {
  endQuietlyWhenReaderCloses('ask');
  runAsk(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a person's mistake: keep its stack.
      process.stderr.write(`ask failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main();
