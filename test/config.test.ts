import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigError,
  CUT_AT_HASH,
  DEFAULT_DATABASE_PATH,
  loadCardContext,
  loadConfig,
  loadEnvFile,
  loadKnowledgeDir,
  STILL_EXAMPLE,
} from '../src/config';

const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

/** The message of the ConfigError `load` throws. */
const problem = (load: () => unknown): string => {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no ConfigError');
};

describe('loadConfig', () => {
  it('names a token or secret pasted with an invisible character, instead of taking Slack for unreachable', () => {
    const zeroWidth = '\u200b';
    const bot = problem(() => loadConfig({ ...http, SLACK_BOT_TOKEN: `xoxb-1234-5678-abc${zeroWidth}def` }));
    expect(bot).toContain('SLACK_BOT_TOKEN: has a character no token has at position 19 (U+200B');
    expect(bot).not.toContain('abc');
    const app = problem(() => loadConfig({ ...http, SLACK_APP_TOKEN: `xapp-1-A1-2-${zeroWidth}` }));
    expect(app).toContain('SLACK_APP_TOKEN: has a character no token has');
    expect(problem(() => loadConfig({ ...http, SLACK_SIGNING_SECRET: 'abcdéf' }))).toContain(
      'SLACK_SIGNING_SECRET: has a character no token has at position 5 (U+00E9',
    );
  });

  it('names every problem at once, the signing secret HTTP mode needs among them', () => {
    const message = problem(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-1' }));
    expect(message).toContain('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    expect(message).toContain('SLACK_SIGNING_SECRET: is required in HTTP mode');
  });

  it('reads an empty PORT or LOG_LEVEL as the default, as every other empty setting is', () => {
    const config = loadConfig({ ...http, PORT: '', LOG_LEVEL: ' ' });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(loadConfig({ ...http, LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
  });

  it('takes only digits for a number: PORT=0x50 is refused, not port 80', () => {
    expect(problem(() => loadConfig({ ...http, PORT: '0x50' }))).toContain(
      'PORT: must be a whole number from 0 to 65535',
    );
    expect(problem(() => loadConfig({ ...http, RETENTION_DAYS: '1e3' }))).toContain('RETENTION_DAYS');
    expect(problem(() => loadConfig({ ...http, LOG_LEVEL: 'verbose' }))).toContain(
      'LOG_LEVEL: must be one of debug, info, warn, error',
    );
  });

  it('runs in HTTP mode on port 3000 by default', () => {
    const config = loadConfig(http);
    expect(config.appToken).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
  });

  it('runs in Socket Mode when SLACK_APP_TOKEN is set, without a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).appToken).toBe('xapp-1');
  });

  it('lists every missing or malformed variable in one message, naming each', () => {
    let message = '';
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxp-user',
        PORT: 'eighty',
        ACCESS_PORTAL_URL: 'http://x',
        SLACK_APP_TOKEN: 'bad',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
    expect(message).toMatch(/PORT: must be a whole number from 0 to 65535/);
    expect(message).toMatch(/ACCESS_PORTAL_URL: must be an https:\/\/ URL/);
    expect(message).toMatch(/SLACK_APP_TOKEN: must be an app-level token/);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('listens on HOST when set, on every interface when not, and names HOST when it is not an address', () => {
    expect(loadConfig({ ...http, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig(http).host).toBeUndefined();
    expect(() => loadConfig({ ...http, HOST: 'http://0.0.0.0/' })).toThrow(/HOST: must be an address to listen on/);
  });

  it('asks for the bot token when it is missing', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: is required/);
  });

  it('asks for a signing secret in HTTP mode', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
  });

  it('rejects an admin contact that would ping a whole channel', () => {
    expect(() => loadConfig({ ...http, ADMIN_CONTACT: '<!here> IT' })).toThrow(
      /ADMIN_CONTACT: must not contain a broadcast/,
    );
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ ...http, SLACK_APP_TOKEN: '', ADMIN_CONTACT: ' ', SLACK_API_URL: '' });
    expect(config.appToken).toBeUndefined();
    expect(config.cardContext).toEqual({});
  });
});

describe('loadCardContext', () => {
  it('returns the organisation settings cards show', () => {
    expect(
      loadCardContext({
        ADMIN_CONTACT: '<#C0123|aws-help>',
        ACCESS_PORTAL_URL: 'https://d-1234567890.awsapps.com/start',
      }),
    ).toEqual({ adminContact: '<#C0123|aws-help>', accessPortalUrl: 'https://d-1234567890.awsapps.com/start' });
  });
});

describe('storage, escalation and admin settings', () => {
  it('keeps the database in ./data/aws-signin.sqlite, with no escalation channel and no admins, by default', () => {
    const config = loadConfig(http);
    expect(config.databasePath).toBe(DEFAULT_DATABASE_PATH);
    expect(DEFAULT_DATABASE_PATH).toBe('./data/aws-signin.sqlite');
    expect(config.cardContext.escalationChannel).toBeUndefined();
    expect(config.adminUserIds).toEqual([]);
  });

  it('reads the database path, the escalation channel and a comma-separated admin list', () => {
    const config = loadConfig({
      ...http,
      DATABASE_PATH: '/var/lib/aws-signin/db.sqlite',
      ESCALATION_CHANNEL: 'C0ESCALATE',
      ADMIN_USER_IDS: ' U0ADMIN001, W0ADMIN002 ,',
    });
    expect(config.databasePath).toBe('/var/lib/aws-signin/db.sqlite');
    expect(config.cardContext.escalationChannel).toBe('C0ESCALATE');
    expect(config.adminUserIds).toEqual(['U0ADMIN001', 'W0ADMIN002']);
  });

  it('names each wrong value: a channel name, user names, a folder as the database', () => {
    let message = '';
    try {
      loadConfig({
        ...http,
        ESCALATION_CHANNEL: '#aws-admins',
        ADMIN_USER_IDS: 'U0ADMIN001,bob,@alice',
        DATABASE_PATH: './data/',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/ESCALATION_CHANNEL: must be a channel ID like C0123ABCD/);
    expect(message).toMatch(
      /ADMIN_USER_IDS: must be Slack member IDs like U0123ABCD, separated by commas \(not "bob", "@alice"\)/,
    );
    expect(message).toMatch(/DATABASE_PATH: must be a file path/);
    expect(message).not.toMatch(/U0ADMIN001/);
  });

  it('uses PostgreSQL when DATABASE_URL is set, with pool size, statement timeout and retention defaults', () => {
    const sqlite = loadConfig(http);
    expect(sqlite).toMatchObject({ databasePoolSize: 10, databaseStatementTimeoutMs: 5000, retentionDays: 90 });
    expect(sqlite.databaseUrl).toBeUndefined();
    const postgres = loadConfig({
      ...http,
      DATABASE_URL: 'postgres://bot:pw@db.internal:5432/aws_signin',
      DATABASE_POOL_SIZE: '4',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      RETENTION_DAYS: '30',
    });
    expect(postgres).toMatchObject({
      databaseUrl: 'postgres://bot:pw@db.internal:5432/aws_signin',
      databasePoolSize: 4,
      databaseStatementTimeoutMs: 2000,
      retentionDays: 30,
    });
  });

  it('names a wrong database URL, pool size, timeout or retention without echoing the URL', () => {
    let message = '';
    try {
      loadConfig({
        ...http,
        DATABASE_URL: 'mysql://bot:s3cr3t@db/aws',
        DATABASE_POOL_SIZE: '0',
        DATABASE_STATEMENT_TIMEOUT_MS: 'fast',
        RETENTION_DAYS: '-1',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(message).toMatch(/DATABASE_POOL_SIZE: must be a whole number from 1 to 100/);
    expect(message).toMatch(/DATABASE_STATEMENT_TIMEOUT_MS: must be a whole number/);
    expect(message).toMatch(/RETENTION_DAYS: must be a whole number from 1 to 36500/);
    expect(message).not.toContain('s3cr3t');
  });
});

describe('.env that cannot bite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const envFile = (text: string) => {
    const file = join(dir, '.env');
    writeFileSync(file, text);
    return file;
  };

  it('spots values dotenv cuts at "#" and says to quote them', () => {
    const env: Record<string, string | undefined> = {};
    const notes = loadEnvFile(
      env,
      envFile(
        [
          'SLACK_BOT_TOKEN=xoxb-1',
          'SLACK_SIGNING_SECRET=secret',
          'ADMIN_CONTACT=<#C0HELP0001|aws-help>',
          'ESCALATION_CHANNEL=#aws-help',
          'PORT=3000 # an ordinary comment',
        ].join('\n'),
      ),
    );
    expect(env.ADMIN_CONTACT).toBe('<');
    expect(env.PORT).toBe('3000');
    expect(notes.cutAtHash).toEqual(['ADMIN_CONTACT', 'ESCALATION_CHANNEL']);
    const message = problem(() => loadConfig(env, notes));
    expect(message).toContain(`ADMIN_CONTACT: ${CUT_AT_HASH}`);
    expect(message).toContain(`ESCALATION_CHANNEL: ${CUT_AT_HASH}`);
    expect(message).not.toMatch(/PORT/);
    expect(problem(() => loadCardContext(env, notes))).toContain(`ADMIN_CONTACT: ${CUT_AT_HASH}`);
  });

  it('names KNOWLEDGE_DIR when its value is cut at "#", for npm run ask and knowledge:check too', () => {
    const env: Record<string, string | undefined> = {};
    const notes = loadEnvFile(env, envFile('KNOWLEDGE_DIR=./our-topics#2026\n'));
    expect(problem(() => loadKnowledgeDir(env, notes))).toContain(`KNOWLEDGE_DIR: ${CUT_AT_HASH}`);
    expect(loadKnowledgeDir({ KNOWLEDGE_DIR: './our-topics' })).toBe('./our-topics');
    expect(loadKnowledgeDir({})).toBeUndefined();
  });

  it('reads quoted values whole, and leaves variables already set alone', () => {
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'debug' };
    const notes = loadEnvFile(
      env,
      envFile('ADMIN_CONTACT="<#C0HELP0001|aws-help>"\nLOG_LEVEL=warn\nESCALATION_CHANNEL=#aws-help\n'),
    );
    expect(env.ADMIN_CONTACT).toBe('<#C0HELP0001|aws-help>');
    expect(env.LOG_LEVEL).toBe('debug');
    expect(notes.cutAtHash).toEqual(['ESCALATION_CHANNEL']);
    expect(loadCardContext(env, notes)).toEqual({ adminContact: '<#C0HELP0001|aws-help>' });
  });

  it('a missing .env is fine', () => {
    expect(loadEnvFile({}, join(dir, 'none')).cutAtHash).toEqual([]);
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-your-bot-token'],
    ['SLACK_APP_TOKEN', 'xapp-your-app-token'],
    ['ADMIN_CONTACT', '<#C0123ABCD|aws-help>'],
    ['ACCESS_PORTAL_URL', 'https://d-xxxxxxxxxx.awsapps.com/start'],
    ['ESCALATION_CHANNEL', 'C0123ABCD'],
    ['ADMIN_USER_IDS', 'U0123ABCD,U0456EFGH'],
  ])('refuses %s=%s as still the example value', (name, value) => {
    expect(problem(() => loadConfig({ ...http, [name]: value }))).toContain(`${name}: ${STILL_EXAMPLE}`);
  });

  it('.env.example quotes every value that can hold "#", and copied unedited it is refused', () => {
    const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
    const assigned = [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, name, value]) => ({ name, value }));
    const free = [
      'ADMIN_CONTACT',
      'ACCESS_PORTAL_URL',
      'ESCALATION_CHANNEL',
      'SLACK_API_URL',
      'DATABASE_PATH',
      'KNOWLEDGE_DIR',
    ];
    for (const name of free) expect(assigned.find((line) => line.name === name)?.value).toMatch(/^".*"$/);
    const env: Record<string, string | undefined> = {};
    const notes = loadEnvFile(env, envFile(example));
    expect(notes.cutAtHash).toEqual([]);
    expect(problem(() => loadConfig(env, notes))).toContain(`SLACK_BOT_TOKEN: ${STILL_EXAMPLE}`);
  });
});
