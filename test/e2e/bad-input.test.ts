// Whatever people type gets a clear, polite reply and never breaks the app, and nothing they typed
// comes back as live Slack markup: no broadcast, no mention, no link the bot appears to vouch for.
// Assertions are on what reached the fake Slack, the way a person would see it.
import { CLARIFY_PROMPT } from '../../src/cards/build-clarify-card';
import { FALLBACK_TEXT, MENU_TEXT } from '../../src/cards/build-fallback-card';
import type { Card } from '../../src/cards/types';
import { blockKitProblems } from '../helpers/block-kit';
import { headerOf, textsOf } from '../helpers/cards';
import { directMessageEvent, mentionEvent } from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

const MARKUP =
  '<!channel> <!here> <!everyone> <!subteam^S0ADMINS1|@aws-admins> <@U0OTHER01> <#C0SECRET1|secret-plans> <https://evil.example/login|click here>';
// What Slack sends when someone types markup characters literally: `&`, `<` and `>` arrive escaped.
const LITERAL_MARKUP = '&lt;!channel&gt; &lt;@U0OTHER01&gt; &lt;https://evil.example|click&gt; &amp;';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * menu: the topic menu; fallback: "I don't know this one"; mfa: the MFA answer, or a choice that offers it;
 * helpful: any card that answers or asks back (what the matcher makes of noise is its own business).
 */
type Expectation = 'menu' | 'fallback' | 'mfa' | 'passwords' | 'helpful';
const inputs: Array<[string, string, Expectation]> = [
  ['empty text', '', 'menu'],
  ['whitespace only', ' \t \n  ', 'menu'],
  ['emoji only', ':sob: :sob: 😭🔐', 'menu'],
  ['a question with emoji', ':sob: lost my MFA phone 😭 :skin-tone-2:', 'mfa'],
  [
    '5,000+ characters: a question then filler',
    `I lost my MFA device. ${'and then some more words '.repeat(220)}`,
    'mfa',
  ],
  ['5,000+ characters of one word', 'a'.repeat(6000), 'fallback'],
  // "I forgot my password. What should I do?": read like its English words, so it asks which password.
  ['Japanese', 'パスワードを忘れました。どうすればいいですか？', 'passwords'],
  // Both say "I forgot my password": the Russian words are read, so it asks which password; Arabic alone,
  // a language the lexicon has no words for, gets the polite fallback.
  ['Russian and Arabic', 'Я забыл пароль نسيت كلمة المرور', 'passwords'],
  ['Arabic', 'نسيت كلمة المرور', 'fallback'],
  ['Chinese with an AWS word', '我丢了MFA设备 lost MFA', 'mfa'],
  ['control characters', 'lost\u0000 my\u0007 MFA\u001b[31m device\u007f', 'mfa'],
  ['Slack markup around a question', `${MARKUP} I lost my MFA device`, 'mfa'],
  ['Slack markup around something unknown', `${MARKUP} how do I bake sourdough bread`, 'helpful'],
  ['markup typed literally', `${LITERAL_MARKUP} how do I bake sourdough bread`, 'fallback'],
  ['plain @channel and a bare link', '@channel @here see <https://evil.example/phish> how do I bake bread', 'fallback'],
  ['a code block', '```\n$ aws sts get-caller-identity\nAn error occurred (ExpiredToken)\n```\nwhat now?', 'fallback'],
  ['inline code and a question', 'I lost my `MFA` device, `aws iam list-mfa-devices` shows nothing', 'mfa'],
];

function expectSafe(message: Record<string, unknown>): void {
  const card = { text: String(message.text ?? ''), blocks: (message.blocks ?? []) as Card['blocks'] };
  expect(blockKitProblems(card)).toEqual([]);
  const texts = textsOf({ text: message.text, blocks: message.blocks });
  for (const { text, verbatim } of texts) {
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(text).not.toMatch(/<@U0OTHER01|<#C0SECRET1/);
    expect(text).not.toMatch(/<https?:\/\/evil\.example/);
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)\b/);
    // A bare URL a person typed may be quoted back, but only where Slack will not make it a link.
    if (/evil\.example/.test(text)) expect(verbatim).toBe(true);
  }
}

function expectKind(message: Record<string, unknown>, expected: Expectation): void {
  const text = String(message.text);
  const offersMfa = headerOf(message).includes('MFA') || (text.startsWith(CLARIFY_PROMPT) && text.includes('MFA'));
  if (expected === 'menu') expect(text).toBe(MENU_TEXT);
  if (expected === 'fallback') expect(text).toContain(FALLBACK_TEXT);
  if (expected === 'mfa') expect(offersMfa).toBe(true);
  if (expected === 'passwords') {
    expect(text.startsWith(CLARIFY_PROMPT)).toBe(true);
    expect(text).toContain('root user password');
  }
  if (expected === 'helpful') {
    expect(headerOf(message) !== '' || text.startsWith(CLARIFY_PROMPT) || text.startsWith(FALLBACK_TEXT)).toBe(true);
  }
}

describe.each(inputs)('%s', (name, text, expected) => {
  const id = name.replace(/\W+/g, '-');

  it('/aws-signin: a polite private reply, nothing unescaped', async () => {
    const { slack } = running;
    const res = await sender.command(text, slack.responseUrl(`bad-${id}`));
    expect(res.status).toBe(200);
    const reply = (await slack.waitFor(() => slack.responses.find((r) => r.id === `bad-${id}`))).body;
    expect(reply.response_type).toBe('ephemeral');
    expectKind(reply, expected);
    expectSafe(reply);
  });

  it('@-mention: a polite reply in the thread, nothing unescaped', async () => {
    const { slack } = running;
    const event = mentionEvent(text);
    expect((await sender.event(event)).status).toBe(200);
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts),
    );
    expectKind(call.args, expected);
    expectSafe(call.args);
  });
});

describe('after all of that', () => {
  it('answers a 40,000-character direct message within Block Kit limits', async () => {
    const { slack } = running;
    const text = `my root password reset email never arrives ${'x'.repeat(40_000)}`;
    await sender.event(directMessageEvent(text, { channel: 'D0HUGE0001' }));
    const call = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0HUGE0001'),
    );
    expectSafe(call.args);
  });

  it('logged no error, and still answers an ordinary question', async () => {
    const { slack } = running;
    await sender.command('I lost my MFA device', slack.responseUrl('after-bad-input'));
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'after-bad-input'));
    expect(headerOf(reply.body)).toMatch(/MFA/);
    expect(running.logs.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
