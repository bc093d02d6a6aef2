// manifest.yml against Slack's own JSON schema, and against what the app actually uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load as parseYaml } from 'js-yaml';

const root = join(__dirname, '..');
/** The parts of a Slack app manifest these tests read. */
interface Manifest {
  display_information: { name: string };
  features: { slash_commands: Array<{ command: string }>; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parseYaml(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;
const schemaPath = join(__dirname, 'fixtures', 'slack', 'manifest.schema.1.0.0.json');

function compileSchema() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    const validate = compileSchema();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be caught by the schema check if it were malformed', () => {
    const validate = compileSchema();
    const broken = {
      ...manifest,
      display_information: { name: 'x'.repeat(40) },
      settings: { ...manifest.settings, typo: true },
    };
    expect(validate(broken)).toBe(false);
  });

  it('declares the /aws-signin command, the three bot events, interactivity and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/aws-signin']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks only for the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
    ]);
  });
});
