// Configuration from the environment, validated at start. Problems a person can fix come back as one
// ConfigError listing every variable to set and what is wrong with it, never as a stack trace.
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

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
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

const appSchema = cardContextSchema.extend({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the Bot User OAuth Token, xoxb-...)' })
    .trim()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: optionalText.refine((value) => !value || value.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp- (or unset, for HTTP mode)',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0-65535')
    .max(65535, 'must be 0-65535')
    .default(3000),
  SLACK_API_URL: optionalText.refine((value) => !value || /^https?:\/\/\S+\/$/.test(value), {
    message: 'must be an http(s) URL ending in /api/, like https://slack.com/api/',
  }),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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

function parse<T>(schema: z.ZodType<T>, env: Env): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Configuration problem. Set these variables (see .env.example):\n${lines.join('\n')}`);
}

const toCardContext = (values: { ADMIN_CONTACT?: string; ACCESS_PORTAL_URL?: string }): CardContext => ({
  ...(values.ADMIN_CONTACT ? { adminContact: values.ADMIN_CONTACT } : {}),
  ...(values.ACCESS_PORTAL_URL ? { accessPortalUrl: values.ACCESS_PORTAL_URL } : {}),
});

/** The settings cards show: all the offline `ask` command needs. */
export function loadCardContext(env: Env): CardContext {
  return toCardContext(parse(cardContextSchema, env));
}

export function loadConfig(env: Env): AppConfig {
  const values = parse(appSchema, env);
  if (!values.SLACK_APP_TOKEN && !values.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Configuration problem. Set these variables (see .env.example):\n  SLACK_SIGNING_SECRET: is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return {
    botToken: values.SLACK_BOT_TOKEN,
    appToken: values.SLACK_APP_TOKEN,
    signingSecret: values.SLACK_SIGNING_SECRET,
    port: values.PORT,
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
