// Configuration from the environment, validated at start. Problems a person can fix come back as one
// ConfigError listing every variable to set and what is wrong with it, never as a stack trace.
// Two mistakes a schema cannot see are caught too: a `.env` value dotenv cut at `#` (`<#C0123ABCD|aws-help>`
// unquoted reads as `<`), and a value still the example `.env.example` shows (`xoxb-your-bot-token`).
import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import type { CardContext } from './cards/types';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const adminContact = optionalText.refine((value) => !value || !/<!|@(channel|here|everyone)\b/i.test(value), {
  message: 'must not contain a broadcast mention (<!here>, @channel, ...)',
});
const accessPortalUrl = optionalText.refine((value) => !value || /^https:\/\/[^\s<>|]+$/.test(value), {
  message: 'must be an https:// URL, like https://d-1234567890.awsapps.com/start',
});

/** Relative to the folder the app is started from. */
export const DEFAULT_DATABASE_PATH = './data/aws-signin.sqlite';

/** Connections each replica may open to PostgreSQL. */
export const DEFAULT_POOL_SIZE = 10;
/** Longest a database statement may run before PostgreSQL cancels it. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
/** Questions (what people typed), their feedback and resolved escalations are deleted after this many days. */
export const DEFAULT_RETENTION_DAYS = 90;

/** Empty means the default; otherwise digits only ("0x50" and "1e3" are not what anyone means by a number here). */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      return /^\d+$/.test(trimmed) ? trimmed : Number.NaN;
    },
    z.coerce
      .number({ error: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`)
      .default(fallback),
  );

const SLACK_USER_ID = /^[UW][A-Z0-9]{6,}$/;

const adminUserIds = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .superRefine((ids, context) => {
    const wrong = ids.filter((id) => !SLACK_USER_ID.test(id));
    if (wrong.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `must be Slack member IDs like U0123ABCD, separated by commas (not ${wrong.map((id) => `"${id}"`).join(', ')})`,
      });
    }
  });

const cardContextSchema = z.object({ ADMIN_CONTACT: adminContact, ACCESS_PORTAL_URL: accessPortalUrl });

/**
 * Tokens and secrets are printable ASCII. One pasted from a web page or a chat can carry an invisible
 * character (a zero-width space): the HTTP client then cannot even send it, which looked like Slack being
 * unreachable, retried for ever, with the variable never named.
 */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const oddCharacterAt = (value: string): string => {
  const characters = [...value];
  const index = characters.findIndex((char) => !PRINTABLE_ASCII.test(char));
  const code = characters[index]?.codePointAt(0) ?? 0;
  return `has a character no token has at position ${index + 1} (U+${code.toString(16).toUpperCase().padStart(4, '0')}, often invisible and pasted along with it): copy it again`;
};
const printable = (value: string | undefined, context: z.RefinementCtx) => {
  if (value && !PRINTABLE_ASCII.test(value)) context.addIssue({ code: 'custom', message: oddCharacterAt(value) });
};

const appSchema = cardContextSchema.extend({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the Bot User OAuth Token, xoxb-...)' })
    .trim()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .superRefine(printable),
  SLACK_APP_TOKEN: optionalText
    .refine((value) => !value || value.startsWith('xapp-'), {
      message: 'must be an app-level token starting with xapp- (or unset, for HTTP mode)',
    })
    .superRefine(printable),
  SLACK_SIGNING_SECRET: optionalText.superRefine(printable),
  // 0 asks the system for a free port (the tests do); empty is the default.
  PORT: wholeNumber(0, 65535, 3000),
  HOST: optionalText.refine((value) => !value || /^[\w.:-]+$/.test(value), {
    message: 'must be an address to listen on, like 127.0.0.1 or 0.0.0.0 (or unset for every interface)',
  }),
  SLACK_API_URL: optionalText.refine((value) => !value || /^https?:\/\/\S+\/$/.test(value), {
    message: 'must be an http(s) URL ending in /api/, like https://slack.com/api/',
  }),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
  ),
  KNOWLEDGE_DIR: optionalText,
  DATABASE_PATH: optionalText.refine((value) => !value || !/[\\/]$/.test(value), {
    message: 'must be a file path like ./data/aws-signin.sqlite, not a folder',
  }),
  DATABASE_URL: optionalText.refine((value) => !value || /^postgres(ql)?:\/\/\S+$/.test(value), {
    message: 'must be a PostgreSQL URL like postgres://user:password@host:5432/database (or unset, for SQLite)',
  }),
  DATABASE_POOL_SIZE: wholeNumber(1, 100, DEFAULT_POOL_SIZE),
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(100, 600_000, DEFAULT_STATEMENT_TIMEOUT_MS),
  RETENTION_DAYS: wholeNumber(1, 36_500, DEFAULT_RETENTION_DAYS),
  ESCALATION_CHANNEL: optionalText.refine((value) => !value || /^[CG][A-Z0-9]{6,}$/.test(value), {
    message: "must be a channel ID like C0123ABCD (the channel's details, at the bottom of About), not its name",
  }),
  ADMIN_USER_IDS: adminUserIds,
});

export interface AppConfig {
  botToken: string;
  /** Set: Socket Mode. Unset: HTTP on `port`, verified with `signingSecret`. */
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** HTTP mode: the address to listen on; unset, every interface. */
  host?: string;
  slackApiUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  knowledgeDir?: string;
  /** The SQLite file that keeps questions, feedback and escalations (when `databaseUrl` is unset). */
  databasePath: string;
  /** PostgreSQL instead of SQLite, for several replicas: postgres://… */
  databaseUrl?: string;
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  /** Questions older than this many days are deleted. */
  retentionDays: number;
  /** Who may see `/aws-signin stats` and the stats on the Home tab. */
  adminUserIds: readonly string[];
  /** Includes `escalationChannel` when "Ask my administrator" is set up. */
  cardContext: CardContext;
}

type Env = Record<string, string | undefined>;

export const STILL_EXAMPLE = 'is still the example value from .env.example: put your own there';
export const CUT_AT_HASH =
  'its value in .env is cut at "#" (dotenv reads the rest as a comment): put the value in double quotes';

/** Values `.env.example` and the README show as examples: left in place, the app would look set up and reach no one. */
const EXAMPLE_VALUES: Readonly<Record<string, RegExp>> = {
  SLACK_BOT_TOKEN: /^xoxb-(your\b|\.\.\.|…)/i,
  SLACK_APP_TOKEN: /^xapp-(your\b|\.\.\.|…)/i,
  SLACK_SIGNING_SECRET: /^your\b/i,
  ADMIN_CONTACT: /\b[CU]0123ABCD\b/,
  ACCESS_PORTAL_URL: /\bd-x{10}\b/i,
  ESCALATION_CHANNEL: /^\s*C0123ABCD\s*$/,
  ADMIN_USER_IDS: /\bU0123ABCD\b/,
};

/** What reading `.env` found that the values alone cannot show. */
export interface EnvFileNotes {
  /** Variables the file set with an unquoted value dotenv cut at `#`. */
  cutAtHash: readonly string[];
}

const NO_NOTES: EnvFileNotes = { cutAtHash: [] };

/**
 * Variables whose unquoted value dotenv cuts at `#`: a `#` right after `=` or glued to the value
 * (`ADMIN_CONTACT=<#C0123ABCD|aws-help>`, `ESCALATION_CHANNEL=#aws-help`). A `#` after a space is an
 * ordinary end-of-line comment (`PORT=3000 # default`).
 */
export function valuesCutAtHash(envFileText: string): string[] {
  const cut: string[] = [];
  for (const line of envFileText.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*=[ \t]*(.*)$/.exec(line);
    const [, name, value] = match ?? [];
    if (!name || value === undefined || /^['"`]/.test(value)) continue;
    const hash = value.indexOf('#');
    if (hash === 0 || (hash > 0 && !/\s/.test(value.charAt(hash - 1)))) cut.push(name);
  }
  return cut;
}

/**
 * Reads a `.env` file into `env` as dotenv does (variables already set win), and notes what it cut.
 * No file is fine: everything may come from the environment.
 */
export function loadEnvFile(env: Env, file = '.env'): EnvFileNotes {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_NOTES;
    throw new ConfigError(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const cutAtHash = valuesCutAtHash(text).filter((name) => env[name] === undefined);
  for (const [name, value] of Object.entries(parseDotenv(text))) {
    if (env[name] === undefined) env[name] = value;
  }
  return { cutAtHash };
}

/** A problem between variables, found from the raw values so it is reported with every other one. */
type CrossCheck = (env: Env) => Array<[name: string, message: string]>;

function parse<S extends z.ZodObject>(schema: S, env: Env, notes: EnvFileNotes, crossCheck?: CrossCheck): z.output<S> {
  const names = Object.keys(schema.shape);
  const problems = new Map<string, string>();
  for (const name of notes.cutAtHash) {
    if (names.includes(name)) problems.set(name, CUT_AT_HASH);
  }
  for (const name of names) {
    const value = env[name];
    const example = EXAMPLE_VALUES[name];
    if (value && example?.test(value) && !problems.has(name)) problems.set(name, STILL_EXAMPLE);
  }
  const result = schema.safeParse(env);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join('.');
      if (!problems.has(name)) problems.set(name, issue.message);
    }
  }
  for (const [name, message] of crossCheck?.(env) ?? []) if (!problems.has(name)) problems.set(name, message);
  if (result.success && problems.size === 0) return result.data;
  const lines = [...problems].map(([name, message]) => `  ${name}: ${message}`);
  throw new ConfigError(`Configuration problem. Set these variables (see .env.example):\n${lines.join('\n')}`);
}

const toCardContext = (values: { ADMIN_CONTACT?: string; ACCESS_PORTAL_URL?: string }): CardContext => ({
  ...(values.ADMIN_CONTACT ? { adminContact: values.ADMIN_CONTACT } : {}),
  ...(values.ACCESS_PORTAL_URL ? { accessPortalUrl: values.ACCESS_PORTAL_URL } : {}),
});

/** The settings cards show: all the offline `ask` command needs. */
export function loadCardContext(env: Env, notes: EnvFileNotes = NO_NOTES): CardContext {
  return toCardContext(parse(cardContextSchema, env, notes));
}

/** The knowledge folder the environment names, if any: what the app, `npm run ask` and `knowledge:check` read. */
export function loadKnowledgeDir(env: Env, notes: EnvFileNotes = NO_NOTES): string | undefined {
  return parse(z.object({ KNOWLEDGE_DIR: optionalText }), env, notes).KNOWLEDGE_DIR;
}

/** HTTP mode (no app token) verifies Slack's requests with the signing secret: one of the two is needed. */
const modeCheck: CrossCheck = (env) =>
  !env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()
    ? [['SLACK_SIGNING_SECRET', 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)']]
    : [];

export function loadConfig(env: Env, notes: EnvFileNotes = NO_NOTES): AppConfig {
  const values = parse(appSchema, env, notes, modeCheck);
  return {
    botToken: values.SLACK_BOT_TOKEN,
    appToken: values.SLACK_APP_TOKEN,
    signingSecret: values.SLACK_SIGNING_SECRET,
    port: values.PORT,
    ...(values.HOST ? { host: values.HOST } : {}),
    slackApiUrl: values.SLACK_API_URL,
    logLevel: values.LOG_LEVEL,
    knowledgeDir: values.KNOWLEDGE_DIR,
    databasePath: values.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS,
    retentionDays: values.RETENTION_DAYS,
    adminUserIds: values.ADMIN_USER_IDS,
    cardContext: {
      ...toCardContext(values),
      ...(values.ESCALATION_CHANNEL ? { escalationChannel: values.ESCALATION_CHANNEL } : {}),
    },
  };
}
